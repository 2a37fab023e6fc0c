package io.redispoolagent.cli;

import io.redispoolagent.AgentVersion;
import java.io.PrintStream;
import java.util.Arrays;

/** {@code java -jar redis-pool-agent.jar <command>}: usage, {@code config}, {@code attach}. */
public final class Cli {

    static final int OK = 0;
    static final int USAGE = 2;

    private Cli() {}

    public static int run(String[] arguments, PrintStream out) {
        if (arguments.length == 0 || "help".equals(arguments[0]) || "--help".equals(arguments[0])) {
            printUsage(out);
            return arguments.length == 0 ? USAGE : OK;
        }
        String[] rest = Arrays.copyOfRange(arguments, 1, arguments.length);
        switch (arguments[0]) {
            case "config":
                return ConfigCommand.run(rest, out);
            case "attach":
                return AttachCommand.run(rest, out);
            case "status":
                return StatusCommand.run(rest, out);
            default:
                out.println("Unknown command '" + arguments[0] + "'.");
                printUsage(out);
                return USAGE;
        }
    }

    static void printUsage(PrintStream out) {
        out.println(
                "redis-pool-agent " + AgentVersion.get()
                        + " - right-sized, measured, resilient Redis connection pools for Jedis and Lettuce, with no code change");
        out.println();
        out.println("Add it to a JVM:");
        out.println("  java -javaagent:redis-pool-agent.jar -Dredis.pool.env=production -jar your-service.jar");
        out.println("  java -javaagent:redis-pool-agent.jar=env=production,maxTotal=200 -jar your-service.jar");
        out.println();
        out.println("Commands:");
        out.println("  config [key=value ...]           print the effective configuration: every key, its value and");
        out.println(
                "                                   where it came from (reads the same -D, REDIS_POOL_* and arguments)");
        out.println("  attach <pid> [key=value,...]     load the agent into a running JVM; pools built before are");
        out.println("                                   adopted and sized at their next borrow");
        out.println(
                "  status [port | host:port]        print a running agent's status view (-Dredis.pool.status.port):");
        out.println("                                   per pool use, exhaustion, waits and recommendations [--json]");
        out.println();
        out.println("Configuration: system properties redis.pool.* (e.g. -Dredis.pool.maxTotal=200), environment");
        out.println("variables REDIS_POOL_* (and DEPLOYMENT_ENV), or agent arguments, which win over both.");
    }
}

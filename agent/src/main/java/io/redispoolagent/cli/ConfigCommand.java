package io.redispoolagent.cli;

import io.redispoolagent.AgentVersion;
import io.redispoolagent.config.AgentConfig;
import io.redispoolagent.config.ConfigResolver;
import io.redispoolagent.config.ConfigValue;
import io.redispoolagent.config.Environment;
import io.redispoolagent.config.PoolSetting;
import io.redispoolagent.log.AgentLog;
import java.io.PrintStream;

/** {@code config [key=value ...]}: the effective configuration, each value with its origin. */
final class ConfigCommand {

    private ConfigCommand() {}

    static int run(String[] arguments, PrintStream out) {
        ConfigResolver.Result resolved = ConfigResolver.fromRuntime(String.join(",", arguments));
        AgentConfig config = resolved.config();
        AgentLog.setLevel(config.logLevel());
        for (String warning : resolved.warnings()) {
            AgentLog.warn(warning);
        }
        out.println("redis-pool-agent " + AgentVersion.get() + " effective configuration");
        out.println("(highest first: agent arguments, -D system properties, REDIS_POOL_* environment variables,"
                + " the environment's profile, defaults)");
        out.println();
        TextTable table = new TextTable().row("KEY", "VALUE", "FROM");
        for (ConfigValue value : config.values()) {
            table.row(value.key(), value.value(), value.origin());
        }
        table.print(out);
        out.println();
        out.println("Environment profiles (enforce applies them; floor only raises a pool to them):");
        printProfiles(out);
        return Cli.OK;
    }

    private static void printProfiles(PrintStream out) {
        TextTable table = new TextTable();
        String[] header = new String[Environment.values().length + 1];
        header[0] = "SETTING";
        for (Environment environment : Environment.values()) {
            header[environment.ordinal() + 1] = environment.displayName();
        }
        table.row(header);
        for (PoolSetting setting : PoolSetting.values()) {
            if (setting.key() != null) {
                String[] row = new String[header.length];
                row[0] = setting.displayName();
                for (Environment environment : Environment.values()) {
                    row[environment.ordinal() + 1] =
                            setting.describe(environment.profile().get(setting));
                }
                table.row(row);
            }
        }
        table.print(out);
    }
}

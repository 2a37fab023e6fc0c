package io.redispoolagent.cli;

import io.redispoolagent.RedisPoolAgent;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;

/**
 * {@code attach <pid> [key=value,...]}: loads this jar into a running JVM through the JDK attach API.
 *
 * <p>The attach API is reached by reflection: it lives in the {@code jdk.attach} module on Java 9+
 * and in the JDK's {@code tools.jar} on Java 8, and neither is on the agent's compile path.
 */
final class AttachCommand {

    private static final String VIRTUAL_MACHINE = "com.sun.tools.attach.VirtualMachine";

    private AttachCommand() {}

    static int run(String[] arguments, PrintStream out) {
        if (arguments.length == 0 || !arguments[0].matches("\\d+")) {
            out.println("Usage: java -jar redis-pool-agent.jar attach <pid> [key=value,...]");
            out.println("  e.g. attach 12345 env=production,maxTotal=200   (list JVMs with 'jps -l')");
            return Cli.USAGE;
        }
        String pid = arguments[0];
        String agentArguments = String.join(",", Arrays.copyOfRange(arguments, 1, arguments.length));
        try {
            String jar = ownJar();
            Class<?> virtualMachine = attachApi();
            Object vm = virtualMachine.getMethod("attach", String.class).invoke(null, pid);
            try {
                virtualMachine
                        .getMethod("loadAgent", String.class, String.class)
                        .invoke(vm, jar, agentArguments);
            } finally {
                virtualMachine.getMethod("detach").invoke(vm);
            }
            out.println(
                    "redis-pool-agent loaded into JVM " + pid
                            + (agentArguments.isEmpty() ? "" : " with " + agentArguments)
                            + "; its pools are sized at their next borrow (see that JVM's stderr for [redis-pool-agent] lines)");
            return Cli.OK;
        } catch (InvocationTargetException failed) {
            out.println(explain(pid, failed.getCause()));
        } catch (ClassNotFoundException noAttachApi) {
            out.println("This Java has no attach API (" + System.getProperty("java.home")
                    + "): run the attach command with a JDK, not a JRE.");
        } catch (ReflectiveOperationException | URISyntaxException | RuntimeException failed) {
            out.println("Could not attach to JVM " + pid + ": " + failed);
        }
        return 1;
    }

    private static String explain(String pid, Throwable cause) {
        String type = cause.getClass().getSimpleName();
        String detail = cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")";
        switch (type) {
            case "AttachNotSupportedException":
                return "JVM " + pid + " refused the attach" + detail + ". It may not exist, run as another user"
                        + " (attach as that user), or have been started with -XX:+DisableAttachMechanism.";
            case "AgentLoadException":
            case "AgentInitializationException":
                return "JVM " + pid + " refused to load the agent" + detail + ". On Java 21+ start it with"
                        + " -XX:+EnableDynamicAgentLoading, or add -javaagent:redis-pool-agent.jar to its command line.";
            case "IOException":
                return "JVM " + pid + " could not be reached" + detail + ". Check the pid with 'jps -l', and attach"
                        + " as the user that runs that JVM.";
            default:
                return "Could not attach to JVM " + pid + ": " + type + detail;
        }
    }

    private static Class<?> attachApi() throws ClassNotFoundException {
        try {
            return Class.forName(VIRTUAL_MACHINE);
        } catch (ClassNotFoundException onJava8) {
            File toolsJar = new File(System.getProperty("java.home"), "../lib/tools.jar");
            if (!toolsJar.isFile()) {
                throw onJava8;
            }
            try {
                URLClassLoader loader =
                        new URLClassLoader(new URL[] {toolsJar.toURI().toURL()});
                return Class.forName(VIRTUAL_MACHINE, true, loader);
            } catch (MalformedURLException impossible) {
                throw onJava8;
            }
        }
    }

    private static String ownJar() throws URISyntaxException {
        return new File(RedisPoolAgent.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .getPath();
    }
}

package io.redispoolagent.it.scenarios;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Builds a JedisPool against {@code <host> <port>}, does one SET, then waits until the agent's telemetry
 * thread has done its start-up (it sleeps between its Micrometer passes once the OpenTelemetry export
 * is started or skipped), so that what telemetry loads at start is loaded when this app exits.
 */
public final class TelemetrySettledApp {

    private static final String TELEMETRY_THREAD = "redis-pool-agent-telemetry";

    private TelemetrySettledApp() {}

    public static void main(String[] args) throws InterruptedException {
        try (JedisPool pool = new JedisPool(args[0], Integer.parseInt(args[1]));
                Jedis jedis = pool.getResource()) {
            jedis.set("greeting", "hello");
        }
        while (!settled()) {
            Thread.sleep(10);
        }
        System.out.println("telemetry settled");
    }

    private static boolean settled() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(TELEMETRY_THREAD) && thread.getState() == Thread.State.TIMED_WAITING) {
                StackTraceElement[] stack = thread.getStackTrace();
                for (StackTraceElement frame : stack) {
                    if (frame.getClassName().startsWith("io.redispoolagent.export.Telemetry")) {
                        return stack.length > 0 && stack[0].getMethodName().startsWith("sleep");
                    }
                }
            }
        }
        return false;
    }
}

package io.redispoolagent.it.status;

/**
 * Prints how many threads of the status view run ({@code status threads: N}): run with the agent and
 * no {@code redis.pool.status.port}, it must be 0. Lives beside its test: the scenario classes
 * directory is on the child's classpath.
 */
public final class StatusThreadProbeApp {

    private StatusThreadProbeApp() {}

    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(300);
        long count = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("redis-pool-agent-status")
                        || thread.getName().startsWith("HTTP-Dispatcher"))
                .count();
        System.out.println("status threads: " + count);
    }
}

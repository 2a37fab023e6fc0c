package io.redispoolagent.it.scenarios;

import io.redispoolagent.testsupport.net.FaultProxy;
import io.redispoolagent.testsupport.redis.RespClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Runs one "must not be retried" probe and prints {@code PROBE <name> failure=<class> retried=<delta>
 * not_safe=<delta> not_retryable=<delta> calls=<commandstats calls>}: the agent's retry counters before
 * and after, and how often Redis executed the command. Names no client class, so it serves every Jedis.
 */
final class RetryProbe {

    private RetryProbe() {}

    static void resetLater(FaultProxy proxy, long millis) {
        Thread reset = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            proxy.resetAll();
        });
        reset.start();
    }

    static void probe(String name, String host, int port, String command, Callable<Object> action) throws Exception {
        RespClient.once(host, port, "CONFIG", "RESETSTAT");
        Map<String, Long> before = stats();
        String failure = "none";
        try {
            action.call();
        } catch (Exception e) {
            failure = e.getClass().getSimpleName();
        }
        Map<String, Long> after = stats();
        String info = String.valueOf(RespClient.once(host, port, "INFO", "commandstats"));
        long calls = 0;
        for (String line : info.split("\r\n")) {
            if (line.startsWith("cmdstat_" + command + ":calls=")) {
                calls = Long.parseLong(line.substring(line.indexOf('=') + 1, line.indexOf(',')));
            }
        }
        System.out.println("PROBE " + name + " failure=" + failure
                + " retried=" + (after.get("retried") - before.get("retried"))
                + " not_safe=" + (after.get("not_safe") - before.get("not_safe"))
                + " not_retryable=" + (after.get("not_retryable") - before.get("not_retryable"))
                + " calls=" + calls);
        Thread.sleep(100);
    }

    private static Map<String, Long> stats() throws Exception {
        Map<String, Long> total = new java.util.HashMap<>();
        for (String key : List.of("retried", "not_safe", "not_retryable")) {
            total.put(key, 0L);
        }
        for (Object record : AgentInternals.pools()) {
            AgentInternals.retryCounts(record)
                    .forEach((outcome, count) -> total.merge(outcome.toString().toLowerCase(), count, Long::sum));
        }
        return total;
    }
}

package io.redispoolagent.it.scenarios;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.AbstractTransaction;

/**
 * What the agent must not retry, on Jedis 5.2 (the version the scenarios compile against): a WRONGTYPE
 * error reply, pool exhaustion, MULTI/EXEC, a pipeline, pub/sub and BLPOP, each failed on purpose
 * (connection reset by the proxy mid-command, or a full pool). Prints {@code PROBE <name> failure=<class>
 * retried=<delta> not_safe=<delta> not_retryable=<delta> calls=<commandstats calls>}. Arguments: host port.
 */
public final class RetryProbeApp {

    private RetryProbeApp() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        RespClient.once(host, port, "FLUSHALL");
        FaultProxy proxy = new FaultProxy(host, port);
        GenericObjectPoolConfig<Connection> config = new GenericObjectPoolConfig<>();
        config.setMaxTotal(1);
        config.setMaxWait(java.time.Duration.ofMillis(200));
        JedisPooled jedis = new JedisPooled(config, host, proxy.port());
        jedis.lpush("wrongtype", "x");

        probe("wrongtype", host, port, "get", () -> jedis.get("wrongtype"));
        probe("blpop", host, port, "blpop", () -> {
            resetLater(proxy, 300);
            return jedis.blpop(5, "empty");
        });
        probe("exhausted", host, port, "get", () -> {
            Thread holder = new Thread(() -> {
                try {
                    jedis.blpop(1, "empty");
                } catch (RuntimeException ignored) {
                    // not the probe
                }
            });
            holder.start();
            Thread.sleep(200);
            try {
                return jedis.get("k");
            } finally {
                holder.join();
            }
        });
        probe("multi-exec", host, port, "incr", () -> {
            AbstractTransaction tx = jedis.multi();
            tx.incr("tx");
            proxy.resetAll();
            return tx.exec();
        });
        probe("pipeline", host, port, "incr", () -> {
            AbstractPipeline pipeline = jedis.pipelined();
            pipeline.incr("pipelined");
            proxy.resetAll();
            pipeline.sync();
            return null;
        });
        probe("pubsub", host, port, "subscribe", () -> {
            resetLater(proxy, 300);
            jedis.subscribe(new JedisPubSub() { }, "channel");
            return null;
        });
        jedis.close();
        proxy.close();
        System.exit(0);
    }

    private static void resetLater(FaultProxy proxy, long millis) {
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

    private static void probe(String name, String host, int port, String command, Callable<Object> action) throws Exception {
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

    @SuppressWarnings("unchecked")
    private static Map<String, Long> stats() throws Exception {
        Class<?> registry = Class.forName("io.redispoolagent.pool.PoolRegistry");
        Map<String, Long> total = new java.util.HashMap<>();
        for (String key : List.of("retried", "not_safe", "not_retryable")) {
            total.put(key, 0L);
        }
        for (Object record : (List<Object>) registry.getMethod("pools").invoke(null)) {
            Object stats = record.getClass().getMethod("retryStats").invoke(record);
            Map<Object, Long> counts = (Map<Object, Long>) stats.getClass().getMethod("snapshot").invoke(stats);
            counts.forEach((outcome, count) -> total.merge(outcome.toString().toLowerCase(), count, Long::sum));
        }
        return total;
    }
}

package io.redispoolagent.it.scenarios;

import io.redispoolagent.testsupport.net.FaultProxy;
import io.redispoolagent.testsupport.redis.RespClient;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisPubSub;

/**
 * What the agent must not retry, on Jedis 5.2 (the version the scenarios compile against): a WRONGTYPE
 * error reply, pool exhaustion, MULTI/EXEC, a pipeline, pub/sub and BLPOP, each failed on purpose
 * (connection reset by the proxy mid-command, or a full pool). Prints {@code PROBE <name> failure=<class>
 * retried=<delta> not_safe=<delta> not_retryable=<delta> calls=<commandstats calls>}. Arguments: host port.
 */
public final class RetryProbeApp {

    private RetryProbeApp() {}

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

        RetryProbe.probe("wrongtype", host, port, "get", () -> jedis.get("wrongtype"));
        RetryProbe.probe("blpop", host, port, "blpop", () -> {
            RetryProbe.resetLater(proxy, 300);
            return jedis.blpop(5, "empty");
        });
        RetryProbe.probe("exhausted", host, port, "get", () -> {
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
        RetryProbe.probe("multi-exec", host, port, "incr", () -> {
            AbstractTransaction tx = jedis.multi();
            tx.incr("tx");
            proxy.resetAll();
            return tx.exec();
        });
        RetryProbe.probe("pipeline", host, port, "incr", () -> {
            AbstractPipeline pipeline = jedis.pipelined();
            pipeline.incr("pipelined");
            proxy.resetAll();
            pipeline.sync();
            return null;
        });
        RetryProbe.probe("pubsub", host, port, "subscribe", () -> {
            RetryProbe.resetLater(proxy, 300);
            jedis.subscribe(new JedisPubSub() {}, "channel");
            return null;
        });
        jedis.close();
        proxy.close();
        System.exit(0);
    }
}

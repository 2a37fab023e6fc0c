package io.redispoolagent.it.scenarios;

import io.redispoolagent.testsupport.net.FaultProxy;
import io.redispoolagent.testsupport.redis.RespClient;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.DefaultRedisCredentials;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisCredentials;
import redis.clients.jedis.Transaction;

/**
 * What the pooled-{@code Jedis} retry (Jedis 4–8) must leave alone, each failed on purpose by a
 * connection reset from a {@link FaultProxy}: a GET after WATCH, MULTI/EXEC, a pipeline, pub/sub, BLPOP,
 * a GET after the application's own CLIENT SETNAME; a plain GET as the control that is retried; and a
 * credentials provider that throws when the agent re-runs the handshake. The pool is on database 3,
 * where {@code k} differs from database 0. Prints {@code PROBE <name> failure=... retried=...} lines
 * ({@link RetryProbe}); the credentials probe also prints what a second GET on the same {@code Jedis}
 * did and how many connections the pool destroyed. Arguments: host port.
 */
public final class PooledJedisProbeApp {

    private PooledJedisProbeApp() {}

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        RespClient.once(host, port, "FLUSHALL");
        RespClient.once(host, port, "SET", "k", PooledJedisRetryApp.WRONG);
        try (RespClient db3 = new RespClient(host, port)) {
            db3.call("SELECT", "3");
            db3.call("SET", "k", PooledJedisRetryApp.RIGHT);
        }
        FaultProxy proxy = new FaultProxy(host, port);
        AtomicBoolean credentialsFail = new AtomicBoolean();
        Supplier<RedisCredentials> credentials = () -> {
            if (credentialsFail.get()) {
                throw new IllegalStateException("credentials service unavailable");
            }
            return new DefaultRedisCredentials((String) null, (String) null);
        };
        GenericObjectPoolConfig<Jedis> poolConfig = new GenericObjectPoolConfig<>();
        poolConfig.setMaxTotal(2);
        JedisPool pool = new JedisPool(
                poolConfig,
                new HostAndPort(host, proxy.port()),
                DefaultJedisClientConfig.builder()
                        .database(3)
                        .credentialsProvider(credentials)
                        .build());

        RetryProbe.probe(
                "control",
                host,
                port,
                "get",
                () -> onFreshConnection(pool, jedis -> {
                    proxy.resetAll();
                    return jedis.get("k");
                }));
        RetryProbe.probe(
                "watch",
                host,
                port,
                "get",
                () -> onFreshConnection(pool, jedis -> {
                    jedis.watch("k");
                    proxy.resetAll();
                    return jedis.get("k");
                }));
        RetryProbe.probe(
                "multi-exec",
                host,
                port,
                "incr",
                () -> onFreshConnection(pool, jedis -> {
                    Transaction tx = jedis.multi();
                    tx.incr("tx");
                    proxy.resetAll();
                    return tx.exec();
                }));
        RetryProbe.probe(
                "pipeline",
                host,
                port,
                "incr",
                () -> onFreshConnection(pool, jedis -> {
                    Pipeline pipeline = jedis.pipelined();
                    pipeline.incr("pipelined");
                    proxy.resetAll();
                    pipeline.sync();
                    return null;
                }));
        RetryProbe.probe(
                "pubsub",
                host,
                port,
                "subscribe",
                () -> onFreshConnection(pool, jedis -> {
                    RetryProbe.resetLater(proxy, 300);
                    jedis.subscribe(new JedisPubSub() {}, "channel");
                    return null;
                }));
        RetryProbe.probe(
                "blpop",
                host,
                port,
                "blpop",
                () -> onFreshConnection(pool, jedis -> {
                    RetryProbe.resetLater(proxy, 300);
                    return jedis.blpop(5, "empty");
                }));
        RetryProbe.probe(
                "setname",
                host,
                port,
                "get",
                () -> onFreshConnection(pool, jedis -> {
                    jedis.clientSetname("set-by-the-app");
                    proxy.resetAll();
                    return jedis.get("k");
                }));

        long[] destroyedBefore = {0};
        String[] second = {"none"};
        RetryProbe.probe(
                "credentials",
                host,
                port,
                "get",
                () -> onFreshConnection(pool, jedis -> {
                    destroyedBefore[0] = pool.getDestroyedCount();
                    credentialsFail.set(true);
                    proxy.resetAll();
                    try {
                        return jedis.get("k");
                    } finally {
                        credentialsFail.set(false);
                        try {
                            second[0] = "value:" + jedis.get("k");
                        } catch (RuntimeException refused) {
                            second[0] = refused.getClass().getSimpleName();
                        }
                    }
                }));
        System.out.println(
                "CREDENTIALS second=" + second[0] + " destroyed=" + (pool.getDestroyedCount() - destroyedBefore[0]));
        pool.close();
        proxy.close();
        System.exit(0);
    }

    interface OnJedis {
        Object run(Jedis jedis) throws Exception;
    }

    /** Runs the probe on a connection opened for it, so no probe inherits another's connection. */
    private static Object onFreshConnection(JedisPool pool, OnJedis probe) throws Exception {
        pool.clear();
        try (Jedis jedis = pool.getResource()) {
            jedis.ping();
            return probe.run(jedis);
        }
    }
}

package io.redispoolagent.it.scenarios;

import java.util.Collections;
import java.util.List;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

/**
 * Builds every standalone pool kind the running Jedis version has (JedisPool 3-8, ShardedJedisPool 3,
 * JedisPooled 4-7, RedisClient 7.2+), each with the client's defaults, with the client's own pool
 * config class and with an explicit config of 300 connections, and prints each pool's live settings:
 * {@code <kind>/<variant> maxTotal=... }. Written against reflection so one class runs on Jedis 3 to 8.
 *
 * <p>Arguments: host port.
 */
public final class JedisPoolKindsApp {

    private JedisPoolKindsApp() {}

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        for (String variant : new String[] {"default", "clientConfig", "explicit300"}) {
            GenericObjectPoolConfig<?> config = config(variant);
            jedisPool(host, port, variant, config);
            if (exists("redis.clients.jedis.ShardedJedisPool")) {
                shardedJedisPool(host, port, variant, config);
            }
            if (exists("redis.clients.jedis.JedisPooled")) {
                jedisPooled(host, port, variant, config);
            }
            if (exists("redis.clients.jedis.RedisClient")) {
                redisClient(host, port, variant, config);
            }
        }
    }

    /** The client's own config class (JedisPoolConfig: testWhileIdle, a 30 s evictor), or an app's 300-connection pool. */
    private static GenericObjectPoolConfig<?> config(String variant) throws Exception {
        switch (variant) {
            case "default":
                return null;
            case "clientConfig":
                return (GenericObjectPoolConfig<?>) Class.forName("redis.clients.jedis.JedisPoolConfig")
                        .getConstructor()
                        .newInstance();
            default:
                GenericObjectPoolConfig<Object> explicit = new GenericObjectPoolConfig<>();
                explicit.setMaxTotal(300);
                explicit.setMaxIdle(300);
                explicit.setMinIdle(20);
                explicit.setMaxWaitMillis(5_000);
                explicit.setTestWhileIdle(true);
                explicit.setTimeBetweenEvictionRunsMillis(60_000);
                return explicit;
        }
    }

    private static void jedisPool(String host, int port, String variant, GenericObjectPoolConfig<?> config)
            throws Exception {
        Class<?> type = Class.forName("redis.clients.jedis.JedisPool");
        Object pool = config == null
                ? type.getConstructor(String.class, int.class).newInstance(host, port)
                : type.getConstructor(GenericObjectPoolConfig.class, String.class, int.class)
                        .newInstance(config, host, port);
        PoolSettingsPrinter.print("JedisPool/" + variant, PoolSettingsPrinter.genericObjectPool(pool));
        ((AutoCloseable) pool).close();
    }

    private static void shardedJedisPool(String host, int port, String variant, GenericObjectPoolConfig<?> config)
            throws Exception {
        Object shard = Class.forName("redis.clients.jedis.JedisShardInfo")
                .getConstructor(String.class, int.class)
                .newInstance(host, port);
        Object pool = Class.forName("redis.clients.jedis.ShardedJedisPool")
                .getConstructor(GenericObjectPoolConfig.class, List.class)
                .newInstance(
                        config == null ? new GenericObjectPoolConfig<>() : config, Collections.singletonList(shard));
        PoolSettingsPrinter.print("ShardedJedisPool/" + variant, PoolSettingsPrinter.genericObjectPool(pool));
        ((AutoCloseable) pool).close();
    }

    private static void jedisPooled(String host, int port, String variant, GenericObjectPoolConfig<?> config)
            throws Exception {
        Class<?> type = Class.forName("redis.clients.jedis.JedisPooled");
        Object client = config == null
                ? type.getConstructor(String.class, int.class).newInstance(host, port)
                : type.getConstructor(GenericObjectPoolConfig.class, String.class, int.class)
                        .newInstance(config, host, port);
        PoolSettingsPrinter.print("JedisPooled/" + variant, PoolSettingsPrinter.call(client, "getPool"));
        ((AutoCloseable) client).close();
    }

    private static void redisClient(String host, int port, String variant, GenericObjectPoolConfig<?> config)
            throws Exception {
        Object builder = Class.forName("redis.clients.jedis.RedisClient")
                .getMethod("builder")
                .invoke(null);
        builder = builder.getClass()
                .getMethod("hostAndPort", String.class, int.class)
                .invoke(builder, host, port);
        if (config != null) {
            builder = builder.getClass()
                    .getMethod("poolConfig", GenericObjectPoolConfig.class)
                    .invoke(builder, config);
        }
        Object client = builder.getClass().getMethod("build").invoke(builder);
        PoolSettingsPrinter.print("RedisClient/" + variant, PoolSettingsPrinter.call(client, "getPool"));
        ((AutoCloseable) client).close();
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }
}

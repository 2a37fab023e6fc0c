package io.redispoolagent.it.scenarios;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.UnifiedJedis;

/**
 * The commands {@link RetryWorkloadApp} runs, on one of two Jedis APIs: {@code unified}, a Jedis 4–8
 * {@code UnifiedJedis} ({@code JedisPooled} on 4–7, {@code RedisClient} on 8); or {@code pool}, the
 * legacy {@code try (Jedis jedis = pool.getResource()) { ... }} on a {@code JedisPool} of Jedis 3–8,
 * called by reflection, since the scenarios compile against Jedis 5 and Jedis 3's return types differ.
 */
interface WorkloadClient extends AutoCloseable {

    Object set(String key, String value);

    Object get(String key);

    Object hset(String hash, String field, String value);

    Object exists(String key);

    Object incr(String key);

    Object lpush(String key, String value);

    @Override
    void close();

    /** {@code timeoutMillis} 0 keeps the client's default socket timeout (2 s). */
    static WorkloadClient of(String api, String host, int port, int timeoutMillis) throws Exception {
        return "pool".equals(api) ? new PooledJedis(host, port, timeoutMillis) : new Unified(host, port, timeoutMillis);
    }

    final class Unified implements WorkloadClient {
        private final UnifiedJedis jedis;

        /**
         * JedisPooled(host, port) on Jedis 4–7, RedisClient.create(host, port) on 8; with a socket timeout,
         * JedisPooled(HostAndPort, JedisClientConfig) (Jedis 4–7).
         */
        Unified(String host, int port, int timeoutMillis) throws Exception {
            this.jedis = timeoutMillis > 0 ? WithTimeout.create(host, port, timeoutMillis) : withDefaults(host, port);
        }

        private static UnifiedJedis withDefaults(String host, int port) throws Exception {
            try {
                return (UnifiedJedis) Class.forName("redis.clients.jedis.JedisPooled")
                        .getConstructor(String.class, int.class)
                        .newInstance(host, port);
            } catch (ClassNotFoundException jedis8) {
                Method create =
                        Class.forName("redis.clients.jedis.RedisClient").getMethod("create", String.class, int.class);
                return (UnifiedJedis) create.invoke(null, host, port);
            }
        }

        @Override
        public Object set(String key, String value) {
            return jedis.set(key, value);
        }

        @Override
        public Object get(String key) {
            return jedis.get(key);
        }

        @Override
        public Object hset(String hash, String field, String value) {
            return jedis.hset(hash, field, value);
        }

        @Override
        public Object exists(String key) {
            return jedis.exists(key);
        }

        @Override
        public Object incr(String key) {
            return jedis.incr(key);
        }

        @Override
        public Object lpush(String key, String value) {
            return jedis.lpush(key, value);
        }

        @Override
        public void close() {
            jedis.close();
        }
    }

    /**
     * A JedisPooled with a socket timeout (Jedis 4–7). A class of its own: Jedis 8 has no JedisPooled,
     * and the verifier of a class naming it would try to load it.
     */
    final class WithTimeout {
        private WithTimeout() {}

        static UnifiedJedis create(String host, int port, int timeoutMillis) {
            return new redis.clients.jedis.JedisPooled(
                    new redis.clients.jedis.HostAndPort(host, port),
                    redis.clients.jedis.DefaultJedisClientConfig.builder()
                            .socketTimeoutMillis(timeoutMillis)
                            .build());
        }
    }

    /** A {@code JedisPool} (default configuration), one borrow per command. */
    final class PooledJedis implements WorkloadClient {
        private final AutoCloseable pool;
        private final Method getResource;

        PooledJedis(String host, int port, int timeoutMillis) throws Exception {
            Class<?> jedisPool = Class.forName("redis.clients.jedis.JedisPool");
            pool = (AutoCloseable)
                    (timeoutMillis > 0
                            ? jedisPool
                                    .getConstructor(GenericObjectPoolConfig.class, String.class, int.class, int.class)
                                    .newInstance(new GenericObjectPoolConfig<>(), host, port, timeoutMillis)
                            : jedisPool.getConstructor(String.class, int.class).newInstance(host, port));
            getResource = pool.getClass().getMethod("getResource");
        }

        @Override
        public Object set(String key, String value) {
            return call("set", key, value);
        }

        @Override
        public Object get(String key) {
            return call("get", key);
        }

        @Override
        public Object hset(String hash, String field, String value) {
            return call("hset", hash, field, value);
        }

        @Override
        public Object exists(String key) {
            return call("exists", key);
        }

        @Override
        public Object incr(String key) {
            return call("incr", key);
        }

        @Override
        public Object lpush(String key, String value) {
            return call("lpush", key, new String[] {value});
        }

        @Override
        public void close() {
            try {
                pool.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private Object call(String command, Object... args) {
            try (AutoCloseable jedis = (AutoCloseable) getResource.invoke(pool)) {
                return method(jedis.getClass(), command, args).invoke(jedis, args);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException
                        ? (RuntimeException) e.getCause()
                        : new IllegalStateException(e.getCause());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** The public method with exactly these argument types (String, or String[] for varargs). */
        private static Method method(Class<?> type, String name, Object[] args) throws NoSuchMethodException {
            Class<?>[] types = Arrays.stream(args).map(Object::getClass).toArray(Class<?>[]::new);
            return type.getMethod(name, types);
        }
    }
}

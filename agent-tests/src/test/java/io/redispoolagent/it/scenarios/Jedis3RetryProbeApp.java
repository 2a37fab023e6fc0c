package io.redispoolagent.it.scenarios;

import io.redispoolagent.testsupport.net.FaultProxy;
import io.redispoolagent.testsupport.redis.RespClient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import redis.clients.jedis.JedisPubSub;

/**
 * What the agent must not retry on Jedis 3, where a failed command is retried by reconnecting the same
 * {@code Jedis}: a WRONGTYPE error reply, BLPOP, a command after WATCH (a reconnect would drop the
 * guard), MULTI/EXEC, a pipeline and pub/sub, each failed on purpose by a connection reset in the
 * proxy. Jedis 3 is called by reflection (the scenarios compile against Jedis 5). Prints the {@code
 * PROBE} lines of {@link RetryProbe}. Arguments: host port.
 */
public final class Jedis3RetryProbeApp {

    private Jedis3RetryProbeApp() {}

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        RespClient.once(host, port, "FLUSHALL");
        FaultProxy proxy = new FaultProxy(host, port);
        AutoCloseable pool = (AutoCloseable) Class.forName("redis.clients.jedis.JedisPool")
                .getConstructor(String.class, int.class)
                .newInstance(host, proxy.port());
        try (AutoCloseable jedis = borrow(pool)) {
            call(jedis, "lpush", "wrongtype", new String[] {"x"});
        }

        RetryProbe.probe(
                "wrongtype", host, port, "get", () -> onBorrowed(pool, jedis -> call(jedis, "get", "wrongtype")));
        RetryProbe.probe(
                "blpop",
                host,
                port,
                "blpop",
                () -> onBorrowed(pool, jedis -> {
                    RetryProbe.resetLater(proxy, 300);
                    return call(jedis, "blpop", 5, new String[] {"empty"});
                }));
        RetryProbe.probe(
                "watch",
                host,
                port,
                "get",
                () -> onBorrowed(pool, jedis -> {
                    call(jedis, "watch", (Object) new String[] {"guarded"});
                    proxy.resetAll();
                    return call(jedis, "get", "guarded");
                }));
        RetryProbe.probe(
                "multi-exec",
                host,
                port,
                "incr",
                () -> onBorrowed(pool, jedis -> {
                    Object transaction = call(jedis, "multi");
                    call(transaction, "incr", "tx");
                    proxy.resetAll();
                    return call(transaction, "exec");
                }));
        RetryProbe.probe(
                "pipeline",
                host,
                port,
                "incr",
                () -> onBorrowed(pool, jedis -> {
                    Object pipeline = call(jedis, "pipelined");
                    call(pipeline, "incr", "pipelined");
                    proxy.resetAll();
                    return call(pipeline, "sync");
                }));
        RetryProbe.probe(
                "pubsub",
                host,
                port,
                "subscribe",
                () -> onBorrowed(pool, jedis -> {
                    RetryProbe.resetLater(proxy, 300);
                    return call(jedis, "subscribe", new JedisPubSub() {}, new String[] {"channel"});
                }));
        pool.close();
        proxy.close();
        System.exit(0);
    }

    private interface OnJedis {
        Object run(Object jedis) throws Exception;
    }

    private static Object onBorrowed(AutoCloseable pool, OnJedis action) throws Exception {
        try (AutoCloseable jedis = borrow(pool)) {
            return action.run(jedis);
        }
    }

    private static AutoCloseable borrow(Object pool) throws Exception {
        return (AutoCloseable) pool.getClass().getMethod("getResource").invoke(pool);
    }

    /** Calls the public method with this name and number of arguments, rethrowing what it throws. */
    private static Object call(Object target, String name, Object... args) throws Exception {
        for (Method method : target.getClass().getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == args.length && accepts(method, args)) {
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
                }
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + name);
    }

    private static boolean accepts(Method method, Object[] args) {
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            Class<?> type = types[i] == int.class ? Integer.class : types[i];
            if (!type.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }
}

package io.redispoolagent.it.scenarios;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.support.AsyncConnectionPoolSupport;
import io.lettuce.core.support.BoundedAsyncPool;
import io.lettuce.core.support.BoundedPoolConfig;
import io.lettuce.core.support.ConnectionPoolSupport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

/**
 * Exhausts a Lettuce connection pool and keeps it exhausted until the test has looked at its metrics.
 *
 * <p>Arguments: {@code generic|async <host> <port> <held> <timeouts> <release-file>}. {@code generic}
 * builds a commons-pool2 pool with {@code ConnectionPoolSupport} (its borrows time out after the
 * maxWait the agent sets); {@code async} a {@code BoundedAsyncPool} with
 * {@code AsyncConnectionPoolSupport} (its acquires fail at once when it is exhausted). Both are built
 * with the library's default sizes, which the agent replaces. Prints {@code READY} once exhausted and
 * holds the connections until {@code release-file} exists (at most 30 s).
 */
public final class LettuceExhaustionApp {

    private LettuceExhaustionApp() {}

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        RedisURI uri = RedisURI.create(args[1], Integer.parseInt(args[2]));
        int held = Integer.parseInt(args[3]);
        int timeouts = Integer.parseInt(args[4]);
        Path release = Path.of(args[5]);
        RedisClient client = RedisClient.create(uri);
        try {
            if (kind.equals("generic")) {
                generic(client, held, timeouts, release);
            } else {
                async(client, uri, held, timeouts, release);
            }
        } finally {
            client.shutdown();
        }
        System.out.println("DONE");
    }

    private static void generic(RedisClient client, int held, int timeouts, Path release) throws Exception {
        try (GenericObjectPool<StatefulRedisConnection<String, String>> pool =
                ConnectionPoolSupport.createGenericObjectPool(client::connect, new GenericObjectPoolConfig<>())) {
            List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();
            for (int i = 0; i < held; i++) {
                StatefulRedisConnection<String, String> connection = pool.borrowObject();
                connection.sync().ping();
                connections.add(connection);
            }
            System.out.println("held " + connections.size());
            int failed = 0;
            for (int i = 0; i < timeouts; i++) {
                try {
                    pool.returnObject(pool.borrowObject());
                    System.out.println("unexpected: borrow " + i + " succeeded");
                } catch (java.util.NoSuchElementException exhausted) {
                    failed++;
                }
            }
            System.out.println("timed out " + failed);
            System.out.println("READY");
            System.out.flush();
            AwaitRelease.await(release);
            for (StatefulRedisConnection<String, String> connection : connections) {
                pool.returnObject(connection);
            }
        }
    }

    private static void async(RedisClient client, RedisURI uri, int held, int timeouts, Path release) throws Exception {
        BoundedAsyncPool<StatefulRedisConnection<String, String>> pool =
                AsyncConnectionPoolSupport.createBoundedObjectPool(
                        () -> client.connectAsync(StringCodec.UTF8, uri), BoundedPoolConfig.create());
        try {
            List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();
            for (int i = 0; i < held; i++) {
                StatefulRedisConnection<String, String> connection =
                        pool.acquire().get();
                connection.sync().ping();
                connections.add(connection);
            }
            System.out.println("held " + connections.size());
            int failed = 0;
            for (int i = 0; i < timeouts; i++) {
                try {
                    pool.release(pool.acquire().get());
                    System.out.println("unexpected: acquire " + i + " succeeded");
                } catch (java.util.concurrent.ExecutionException exhausted) {
                    failed++;
                }
            }
            System.out.println("timed out " + failed);
            System.out.println("READY");
            System.out.flush();
            AwaitRelease.await(release);
            for (StatefulRedisConnection<String, String> connection : connections) {
                pool.release(connection).get();
            }
        } finally {
            pool.close();
        }
    }
}

package io.redispoolagent.it.scenarios;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.support.ConnectionPoolSupport;
import java.util.function.Function;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

/**
 * The Lettuce counterpart of {@link TransparencyApp}: a fixed command sequence through a Lettuce pool,
 * every reply printed. Arguments: host port keyPrefix.
 */
public final class LettuceTransparencyApp {

    private LettuceTransparencyApp() {}

    public static void main(String[] args) throws Exception {
        String p = args[2];
        RedisClient client = RedisClient.create(RedisURI.create(args[0], Integer.parseInt(args[1])));
        GenericObjectPool<StatefulRedisConnection<String, String>> pool =
                ConnectionPoolSupport.createGenericObjectPool(client::connect, new GenericObjectPoolConfig<>());
        run(pool, "SET s hello", redis -> redis.set(p + "s", "hello"));
        run(pool, "GET s", redis -> redis.get(p + "s"));
        run(pool, "APPEND s", redis -> redis.append(p + "s", " world"));
        run(pool, "INCR n", redis -> redis.incr(p + "n"));
        run(pool, "INCRBY n 41", redis -> redis.incrby(p + "n", 41));
        run(pool, "HSET h f1 v1", redis -> redis.hset(p + "h", "f1", "v1"));
        run(pool, "HGET h f1", redis -> redis.hget(p + "h", "f1"));
        run(pool, "LPUSH l a b c", redis -> redis.lpush(p + "l", "a", "b", "c"));
        run(pool, "LRANGE l", redis -> redis.lrange(p + "l", 0, -1));
        run(pool, "SADD set x y x", redis -> redis.sadd(p + "set", "x", "y", "x"));
        run(pool, "ZADD z", redis -> redis.zadd(p + "z", 1.0, "one"));
        run(pool, "ZRANGE z", redis -> redis.zrange(p + "z", 0, -1));
        run(pool, "EXPIRE s 100", redis -> redis.expire(p + "s", 100));
        run(pool, "TTL s", redis -> redis.ttl(p + "s"));
        run(pool, "GET h (wrong type)", redis -> redis.get(p + "h"));
        run(pool, "LPOP l", redis -> redis.lpop(p + "l"));
        run(pool, "DEL s n", redis -> redis.del(p + "s", p + "n"));
        run(pool, "GET s", redis -> redis.get(p + "s"));
        pool.close();
        client.shutdown();
    }

    private static void run(
            GenericObjectPool<StatefulRedisConnection<String, String>> pool,
            String label,
            Function<RedisCommands<String, String>, Object> command)
            throws Exception {
        String reply;
        try (StatefulRedisConnection<String, String> connection = pool.borrowObject()) {
            reply = String.valueOf(command.apply(connection.sync()));
        } catch (RuntimeException error) {
            reply = "error " + error.getClass().getSimpleName() + ": " + error.getMessage();
        }
        System.out.println(label + " -> " + reply);
    }
}

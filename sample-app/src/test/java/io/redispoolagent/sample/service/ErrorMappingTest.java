package io.redispoolagent.sample.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisConnectionException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.NoSuchElementException;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

class ErrorMappingTest {

    @Test
    void realCommonsPoolTimeoutIs503() throws Exception {
        GenericObjectPoolConfig<Object> config = new GenericObjectPoolConfig<>();
        config.setMaxTotal(1);
        config.setMaxWait(Duration.ofMillis(10));
        try (GenericObjectPool<Object> pool = new GenericObjectPool<>(new ObjectFactory(), config)) {
            Object held = pool.borrowObject();
            Exception failure = null;
            try {
                pool.borrowObject();
            } catch (Exception e) {
                failure = e;
            }
            pool.returnObject(held);
            assertThat(failure).isInstanceOf(NoSuchElementException.class);
            ErrorMapping.HttpError error = ErrorMapping.map(failure);
            assertThat(error.status()).isEqualTo(503);
            assertThat(error.body()).startsWith("pool exhausted");
        }
    }

    @Test
    void jedis5WrapsTheTimeout() {
        // What redis.clients.jedis.util.Pool.getResource() throws in Jedis 4 and 5.
        JedisException e = new JedisException(
                "Could not get a resource from the pool",
                new NoSuchElementException("Timeout waiting for idle object, borrowMaxWaitDuration=PT0.5S"));
        assertThat(ErrorMapping.map(e).status()).isEqualTo(503);
        assertThat(ErrorMapping.isPoolExhausted(e)).isTrue();
    }

    @Test
    void jedis3ExhaustedExceptionMatchedByName() {
        assertThat(ErrorMapping.map(
                                new JedisExhaustedPoolException("Could not get a resource since the pool is exhausted"))
                        .status())
                .isEqualTo(503);
    }

    @Test
    void otherRedisFailuresAre500() {
        ErrorMapping.HttpError refused = ErrorMapping.map(
                new JedisConnectionException("Failed to connect", new ConnectException("Connection refused")));
        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.body()).isEqualTo("redis error: JedisConnectionException (ConnectException)\n");
        assertThat(ErrorMapping.map(new JedisDataException("WRONGTYPE Operation against a key"))
                        .status())
                .isEqualTo(500);
        assertThat(ErrorMapping.map(new RedisConnectionException("Unable to connect"))
                        .status())
                .isEqualTo(500);
        assertThat(ErrorMapping.map(new IllegalStateException("x")).body())
                .isEqualTo("redis error: IllegalStateException\n");
    }

    @Test
    void bodiesDoNotLeakMessages() {
        ErrorMapping.HttpError e = ErrorMapping.map(new JedisDataException("WRONGPASS secret-password"));
        assertThat(e.body()).doesNotContain("secret");
    }

    /** Same simple name as Jedis 3's class, which Jedis 5 does not have. */
    static final class JedisExhaustedPoolException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JedisExhaustedPoolException(String message) {
            super(message);
        }
    }

    private static final class ObjectFactory extends BasePooledObjectFactory<Object> {
        @Override
        public Object create() {
            return new Object();
        }

        @Override
        public PooledObject<Object> wrap(Object o) {
            return new DefaultPooledObject<>(o);
        }
    }
}

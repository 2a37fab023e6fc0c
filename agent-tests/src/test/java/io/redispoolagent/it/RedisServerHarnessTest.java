package io.redispoolagent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.testsupport.redis.RedisServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

class RedisServerHarnessTest {

    @RegisterExtension
    static final RedisExtension redis = RedisExtension.servers(3);

    @Test
    void talksToARealRedis7Server() {
        try (Jedis jedis = connect(redis.server())) {
            assertThat(jedis.info("server")).contains("redis_version:7.");
        }
    }

    @Test
    void killedServerRefusesConnectionsAndRestartedOneAnswersOnTheSamePort() {
        RedisServerProcess server = redis.server();
        int port = server.port();

        server.kill();
        assertThatThrownBy(() -> {
                    try (Jedis jedis = connect(server)) {
                        jedis.ping();
                    }
                })
                .isInstanceOf(JedisConnectionException.class);

        server.restart();
        assertThat(server.port()).isEqualTo(port);
        try (Jedis jedis = connect(server)) {
            assertThat(jedis.ping()).isEqualTo("PONG");
        }
    }

    @Test
    void restartedServerStartsEmptyBecauseNothingIsPersisted() {
        RedisServerProcess server = redis.server();
        try (Jedis jedis = connect(server)) {
            jedis.set("survives-restart", "no");
        }

        server.restart();

        try (Jedis jedis = connect(server)) {
            assertThat(jedis.exists("survives-restart")).isFalse();
        }
    }

    @Test
    void severalServersRunAtOnceOnDifferentPorts() {
        assertThat(redis.servers())
                .extracting(RedisServerProcess::port)
                .doesNotHaveDuplicates()
                .hasSize(3);
        try (Jedis first = connect(redis.server(0));
                Jedis second = connect(redis.server(1))) {
            first.set("only-on-first", "1");
            assertThat(second.exists("only-on-first")).isFalse();
        }
    }

    private static Jedis connect(RedisServerProcess server) {
        return new Jedis(server.host(), server.port());
    }
}

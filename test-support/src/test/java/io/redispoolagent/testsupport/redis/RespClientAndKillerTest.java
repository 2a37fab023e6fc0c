package io.redispoolagent.testsupport.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Against a real redis-server from {@link RedisServerProcess}, which itself waits for a PING through {@link RespClient}. */
@Timeout(30)
class RespClientAndKillerTest {
    private static RedisServerProcess redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServerProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Test
    void respClientReadsEachReplyTypeAndErrorsAsExceptions() throws IOException {
        try (RespClient client = new RespClient(redis.host(), redis.port())) {
            assertThat(client.call("SET", "k", "v")).isEqualTo("OK");
            assertThat(client.call("GET", "k")).isEqualTo("v");
            assertThat(client.call("GET", "missing")).isNull();
            assertThat(client.call("DEL", "k")).isEqualTo(1L);
            assertThat(client.call("ECHO", "a\r\nb")).isEqualTo("a\r\nb");
            assertThat(client.call("RPUSH", "l", "x", "y")).isEqualTo(2L);
            assertThat(client.call("LRANGE", "l", "0", "-1")).asList().containsExactly("x", "y");
            assertThat(client.call("INCR", "l"))
                    .isInstanceOf(RuntimeException.class)
                    .extracting(Object::toString)
                    .asString()
                    .contains("WRONGTYPE");
        }
    }

    @Test
    void killsAConnectionAtTheSecondRoundAfterTheOneThatFirstSawIt() throws IOException {
        try (ConnectionKiller killer = new ConnectionKiller(redis.host(), redis.port(), null);
                RespClient old = new RespClient(redis.host(), redis.port())) {
            old.call("PING");
            assertThat(killer.killRound()).as("round 1 sees the old connection").isZero();
            try (RespClient young = new RespClient(redis.host(), redis.port())) {
                young.call("PING");
                assertThat(killer.killRound()).as("round 2 sees the young one").isZero();
                assertThat(killer.killRound()).as("round 3 kills the old one").isEqualTo(1);
                assertThatThrownBy(() -> old.call("PING")).isInstanceOf(IOException.class);
                assertThat(young.call("PING")).isEqualTo("PONG");
                assertThat(killer.killRound()).as("round 4 kills the young one").isEqualTo(1);
            }
        }
    }
}

package io.redispoolagent.instrument.jedis.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.runtime.InstalledRuntime;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reconnect of a pooled Jedis 4–8 connection, on a stand-in with the shape of Jedis' {@code
 * Connection} whose handshake reports itself as the woven advice does (the real one is exercised under
 * real faults in agent-tests).
 */
class PooledJedisReconnectTest {

    public enum Cmd {
        AUTH,
        SELECT
    }

    /** Like Jedis' client configuration: the database the handshake selects. */
    public static final class Config {
        final int database;

        Config(int database) {
            this.database = database;
        }
    }

    /** Like Jedis 4–8's Connection. */
    public static final class StandInConnection {
        final List<String> sent = new ArrayList<>();
        boolean connected;
        boolean broken;
        RuntimeException handshakeFailure;

        protected void initializeFromClientConfig(Config config) {
            PooledJedisRetry.handshakeStarting(this, config);
            try {
                connect();
                send(Cmd.AUTH, "secret");
                if (handshakeFailure != null) {
                    throw handshakeFailure;
                }
                if (config.database > 0) {
                    select(config.database);
                }
            } finally {
                PooledJedisRetry.handshakeEnded(this);
            }
        }

        public void connect() {
            RuntimeException refused = PooledJedisRetry.connecting(this);
            if (refused != null) {
                throw refused;
            }
            connected = true;
            broken = false;
        }

        public void disconnect() {
            connected = false;
            broken = true;
        }

        public void setBroken() {
            broken = true;
        }

        public String select(int index) {
            send(Cmd.SELECT, String.valueOf(index));
            return "OK";
        }

        private void send(Cmd command, String argument) {
            PooledJedisRetry.sendingRaw(this, command, new byte[][] {argument.getBytes(StandardCharsets.US_ASCII)});
            sent.add(command + " " + argument);
        }
    }

    private InstalledRuntime runtime;

    @BeforeEach
    void retryOn() {
        runtime = InstalledRuntime.with("retry.enabled=true");
    }

    @AfterEach
    void retryOff() {
        runtime.close();
    }

    @Test
    void aReconnectReplaysTheCapturedHandshakeAndRestoresTheDatabaseTheJedisIsOn() {
        StandInConnection connection = new StandInConnection();
        connection.initializeFromClientConfig(new Config(3));
        connection.sent.clear();
        PooledConnection state = capturedState(connection);

        assertThat(PooledJedisRetry.reconnect(connection, state, 5)).isNull();

        assertThat(connection.sent).containsExactly("AUTH secret", "SELECT 3", "SELECT 5");
        assertThat(connection.connected).isTrue();
        assertThat(state.database()).isEqualTo(5);
        assertThat(PooledJedisRetry.connecting(connection)).isNull();
    }

    @Test
    void aFailedReHandshakeLeavesTheConnectionClosedAndRefusingToReconnectUnauthenticated() {
        StandInConnection connection = new StandInConnection();
        connection.initializeFromClientConfig(new Config(3));
        PooledConnection state = capturedState(connection);
        connection.handshakeFailure = new IllegalStateException("credentials provider failed");

        Throwable failure = PooledJedisRetry.reconnect(connection, state, 3);

        assertThat(failure).hasMessage("credentials provider failed");
        assertThat(connection.connected).isFalse();
        assertThat(connection.broken).isTrue();
        assertThat(PooledJedisRetry.connecting(connection))
                .as("connect() outside a handshake")
                .isNotNull();
        connection.sent.clear();
        connection.handshakeFailure = null;
        assertThat(PooledJedisRetry.reconnect(connection, state, 3))
                .as("a later reconnect that succeeds")
                .isNull();
        assertThat(PooledJedisRetry.connecting(connection)).isNull();
        assertThat(connection.sent).containsExactly("AUTH secret", "SELECT 3");
    }

    /** The state the handshake advice recorded for {@code connection}. */
    private static PooledConnection capturedState(StandInConnection connection) {
        PooledConnection state = PooledJedisRetry.stateOf(connection);
        assertThat(state).as("recorded by the handshake").isNotNull();
        assertThat(state.database()).isEqualTo(3);
        return state;
    }
}

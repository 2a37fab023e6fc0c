package io.redispoolagent.instrument.jedis.retry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a pooled Jedis 4–8 connection's state lets a reconnect restore. */
class PooledConnectionTest {

    private static PooledConnection handshaken(int database) {
        PooledConnection connection = new PooledConnection();
        connection.handshakeStarted(new Object());
        connection.sent(ConnectionStateCommand.TAINT, 0);
        connection.sent(ConnectionStateCommand.SELECT, database);
        connection.handshakeEnded();
        return connection;
    }

    @Test
    void theClientsOwnHandshakeTaintsNothingAndLeavesTheConfiguredDatabase() {
        PooledConnection connection = handshaken(3);
        assertThat(connection.database()).isEqualTo(3);
        assertThat(connection.restorable(3)).isTrue();
    }

    @Test
    void aDatabaseTheJedisDoesNotBelieveIsNotRestorable() {
        assertThat(handshaken(3).restorable(0)).isFalse();
    }

    @Test
    void theApplicationsOwnAuthOrClientNameTaintsTheConnectionForGood() {
        PooledConnection connection = handshaken(0);
        connection.sent(ConnectionStateCommand.of("CLIENT", "SETNAME"), 0);
        assertThat(connection.restorable(0)).isFalse();
        connection.sent(ConnectionStateCommand.END_TRANSACTION, 0);
        assertThat(connection.restorable(0)).isFalse();
    }

    @Test
    void aWatchBlocksRetryUntilUnwatchExecOrDiscard() {
        PooledConnection connection = handshaken(0);
        connection.sent(ConnectionStateCommand.WATCH, 0);
        assertThat(connection.restorable(0)).isFalse();
        connection.sent(ConnectionStateCommand.UNWATCH, 0);
        assertThat(connection.restorable(0)).isTrue();
        connection.sent(ConnectionStateCommand.WATCH, 0);
        connection.sent(ConnectionStateCommand.MULTI, 0);
        assertThat(connection.restorable(0)).isFalse();
        connection.sent(ConnectionStateCommand.END_TRANSACTION, 0);
        assertThat(connection.restorable(0)).isTrue();
    }

    @Test
    void aRawSelectMovesTheDatabaseARetryMustRestore() {
        PooledConnection connection = handshaken(3);
        connection.sent(ConnectionStateCommand.SELECT, 5);
        assertThat(connection.restorable(3)).isFalse();
        assertThat(connection.restorable(5)).isTrue();
    }

    @Test
    void aPoisonedConnectionRefusesToConnectOutsideTheAgentsHandshake() {
        PooledConnection connection = handshaken(0);
        connection.poison();
        assertThat(connection.refusesToConnect())
                .as("during the agent's reconnect")
                .isFalse();
        connection.reconnectEnded();
        assertThat(connection.refusesToConnect()).as("after a failed reconnect").isTrue();
        connection.poison();
        connection.reconnected();
        connection.reconnectEnded();
        assertThat(connection.refusesToConnect()).as("after a successful one").isFalse();
    }

    @Test
    void connectionStateCommandsAreReadByNameAndClientSubcommand() {
        assertThat(ConnectionStateCommand.of("GET", null)).isEqualTo(ConnectionStateCommand.NONE);
        assertThat(ConnectionStateCommand.of("CLIENT", "LIST")).isEqualTo(ConnectionStateCommand.NONE);
        assertThat(ConnectionStateCommand.of("CLIENT", "TRACKING")).isEqualTo(ConnectionStateCommand.TAINT);
        assertThat(ConnectionStateCommand.of("CLIENT", null)).isEqualTo(ConnectionStateCommand.TAINT);
        assertThat(ConnectionStateCommand.of("HELLO", null)).isEqualTo(ConnectionStateCommand.TAINT);
        assertThat(ConnectionStateCommand.of("SUBSCRIBE", null)).isEqualTo(ConnectionStateCommand.TAINT);
        assertThat(ConnectionStateCommand.of(null, null)).as("unreadable").isEqualTo(ConnectionStateCommand.TAINT);
        assertThat(ConnectionStateCommand.of("DISCARD", null)).isEqualTo(ConnectionStateCommand.END_TRANSACTION);
        assertThat(ConnectionStateCommand.needsSubcommand("CLIENT")).isTrue();
        assertThat(ConnectionStateCommand.needsSubcommand("GET")).isFalse();
    }
}

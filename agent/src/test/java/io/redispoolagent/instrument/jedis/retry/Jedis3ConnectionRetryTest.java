package io.redispoolagent.instrument.jedis.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.retry.RetryOutcome;
import io.redispoolagent.runtime.InstalledRuntime;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Jedis 3 retry glue, on a stand-in with the shape of Jedis 3's {@code Client} (the real one is
 * exercised under real faults in agent-tests). The stand-in's {@code sendCommand} calls {@link
 * Jedis3ConnectionRetry#sending} first, as the woven advice does.
 */
class Jedis3ConnectionRetryTest {

    /** Like Jedis' ProtocolCommand. */
    public interface Command {
        byte[] getRaw();
    }

    public enum Cmd implements Command {
        GET,
        INCR;

        @Override
        public byte[] getRaw() {
            return name().getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Like Jedis 3's Client: a database that disconnect() resets, a broken flag, transaction state. */
    public static final class StandInClient {
        private boolean broken;
        private int db;
        boolean inWatch;
        int disconnects;
        final List<String> sent = new ArrayList<>();
        final List<RuntimeException> sendFailures = new ArrayList<>();

        public String getHost() {
            return "stand-in";
        }

        public int getPort() {
            return 1;
        }

        public int getDB() {
            return db;
        }

        public void setDb(int db) {
            this.db = db;
        }

        public boolean isInMulti() {
            return false;
        }

        public boolean isInWatch() {
            return inWatch;
        }

        public void disconnect() {
            disconnects++;
            db = 0;
        }

        public void sendCommand(Command command, byte[]... args) {
            Jedis3ConnectionRetry.sending(this, command, args);
            if (!sendFailures.isEmpty()) {
                broken = true;
                throw sendFailures.remove(0);
            }
            sent.add(new String(command.getRaw(), StandardCharsets.US_ASCII)
                    + (args.length > 0 ? " " + new String(args[0], StandardCharsets.US_ASCII) : ""));
        }

        /** A command method's send. */
        void send(Cmd command) {
            sendCommand(command, "k".getBytes(StandardCharsets.US_ASCII));
            sent.clear();
        }

        /** Its reply read failing on the broken connection: true when the read is to run again. */
        boolean readFails() {
            broken = true;
            return Jedis3ConnectionRetry.replied(
                    this, new IllegalStateException(new SocketException("Connection reset")));
        }
    }

    private InstalledRuntime runtime;

    @BeforeEach
    void retryOnWithoutPauses() {
        runtime = InstalledRuntime.with("retry.enabled=true,retry.initialBackoff=0,retry.jitter=false");
    }

    @AfterEach
    void retryOff() {
        runtime.close();
    }

    @Test
    void aBrokenReadOfASafeCommandReconnectsRestoresTheDatabaseAndSendsTheCommandAgain() {
        StandInClient client = new StandInClient();
        client.setDb(3);

        client.send(Cmd.GET);
        assertThat(client.readFails()).isTrue();

        assertThat(client.sent).containsExactly("GET k");
        assertThat(client.disconnects).isEqualTo(1);
        assertThat(client.getDB()).isEqualTo(3);
        assertThat(client.broken).isFalse();
    }

    @Test
    void aSuccessfulReadAfterARetryCountsARecovery() {
        StandInClient client = new StandInClient();
        long recovered = runtime.runtime().retry().unpooledStats().count(RetryOutcome.RECOVERED);
        client.send(Cmd.GET);
        client.readFails();

        assertThat(Jedis3ConnectionRetry.replied(client, null)).isFalse();

        assertThat(runtime.runtime().retry().unpooledStats().count(RetryOutcome.RECOVERED))
                .isEqualTo(recovered + 1);
    }

    @Test
    void anIncrWhoseReplyWasLostIsNotSentAgain() {
        StandInClient client = new StandInClient();

        client.send(Cmd.INCR);
        assertThat(client.readFails()).isFalse();

        assertThat(client.sent).isEmpty();
        assertThat(client.disconnects).isZero();
    }

    @Test
    void aReadAfterWatchIsNotSentAgainOnANewConnection() {
        StandInClient client = new StandInClient();
        client.inWatch = true;

        client.send(Cmd.GET);
        assertThat(client.readFails()).isFalse();

        assertThat(client.sent).isEmpty();
    }

    @Test
    void aCommandSentBehindAnotherUnansweredOneIsNotSentAgain() {
        StandInClient client = new StandInClient();
        client.sendCommand(Cmd.GET, "a".getBytes(StandardCharsets.US_ASCII));

        client.send(Cmd.GET);
        assertThat(client.readFails()).isFalse();

        assertThat(client.sent).isEmpty();
    }

    @Test
    void aFailedReconnectIsAnAttemptAndTheNextOneSendsTheCommand() {
        StandInClient client = new StandInClient();
        client.send(Cmd.GET);
        client.sendFailures.add(new IllegalStateException(new ConnectException("Connection refused")));

        assertThat(client.readFails()).isTrue();

        assertThat(client.disconnects).isEqualTo(2);
        assertThat(client.sent).containsExactly("GET k");
    }

    @Test
    void reconnectsGiveUpAfterTheLastAttempt() {
        StandInClient client = new StandInClient();
        client.send(Cmd.GET);
        for (int i = 0; i < 4; i++) {
            client.sendFailures.add(new IllegalStateException(new ConnectException("Connection refused")));
        }

        assertThat(client.readFails()).isFalse();

        assertThat(client.disconnects).isEqualTo(3);
        assertThat(client.sent).isEmpty();
    }
}

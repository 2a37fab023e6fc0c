package io.redispoolagent.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.testing.CapturedStderr;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LeakDetectorTest {

    @RegisterExtension
    final CapturedStderr stderr = new CapturedStderr();

    private final PoolRecord record = new PoolRecord(
            new PoolNamer().identify(new Object(), RedisClientFamily.JEDIS, "JedisPool"),
            null,
            Collections.<SettingChange>emptyList(),
            PoolKind.COMMONS_POOL2,
            null);

    private void awaitLeaks(long expected) throws InterruptedException {
        for (int i = 0; i < 500 && record.stats().leaks() < expected; i++) {
            Thread.sleep(10);
        }
    }

    @Test
    void aConnectionHeldPastTheThresholdIsReportedOnceWithTheBorrowersStack() throws Exception {
        LeakDetector detector = new LeakDetector(50);
        Object connection = new Object();

        // Borrowed from application code (here: the JDK's), below the agent's own frames.
        CompletableFuture.runAsync(() -> detector.borrowed(record, connection), Runnable::run);
        awaitLeaks(1);
        Thread.sleep(150);

        assertThat(record.stats().leaks()).isEqualTo(1);
        assertThat(stderr.text())
                .containsPattern("held for more than 50 ms; a possible leak, borrowed at:\n\tat \\S*CompletableFuture")
                .doesNotContain("LeakDetector.borrowed");
    }

    @Test
    void aConnectionReturnedInTimeIsNeverReported() throws Exception {
        LeakDetector detector = new LeakDetector(100);
        Object connection = new Object();

        detector.borrowed(record, connection);
        detector.returned(connection);
        Thread.sleep(300);

        assertThat(record.stats().leaks()).isZero();
        assertThat(detector.outstanding()).isZero();
        assertThat(stderr.text()).isEmpty();
    }

    @Test
    void aReportedConnectionThatComesBackLaterIsSaidToHaveReturned() throws Exception {
        LeakDetector detector = new LeakDetector(20);
        Object connection = new Object();

        detector.borrowed(record, connection);
        awaitLeaks(1);
        detector.returned(connection);

        assertThat(stderr.text()).contains("the connection reported as a suspected leak was returned after");
    }
}

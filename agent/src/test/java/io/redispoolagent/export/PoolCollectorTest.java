package io.redispoolagent.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.pool.PoolRecord;
import io.redispoolagent.pool.TestPools;
import io.redispoolagent.retry.ManualClock;
import io.redispoolagent.retry.RetryOutcome;
import io.redispoolagent.retry.RetryStats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pools that share a name are one exported series, and its counters never go down. */
class PoolCollectorTest {

    private final List<PoolRecord> registered = new CopyOnWriteArrayList<>();
    private final List<GenericObjectPool<String>> opened = new ArrayList<>();
    private final ManualClock clock = new ManualClock();
    private final PoolCollector collector = new PoolCollector(() -> registered, new RetryStats(), clock);

    @AfterEach
    void closePools() {
        opened.forEach(GenericObjectPool::close);
    }

    @Test
    void twoPoolsOfOneEndpointAreOneSeriesWithTheirFiguresSummed() throws Exception {
        PoolRecord first = register();
        PoolRecord second = register();
        first.stats().timedOut(TimeUnit.MILLISECONDS.toNanos(5));
        second.stats().timedOut(TimeUnit.MILLISECONDS.toNanos(5));
        second.retryStats().record(RetryOutcome.RECOVERED);
        opened.get(0).borrowObject();

        List<PoolSample> samples = collector.samples();

        assertThat(samples).hasSize(1);
        PoolSample sample = samples.get(0);
        assertThat(sample.name()).isEqualTo("10.0.0.7:6379/2");
        assertThat(sample.used()).isEqualTo(1);
        assertThat(sample.max()).isEqualTo(320);
        assertThat(sample.timeouts()).isEqualTo(2);
        assertThat(sample.waitTime().count()).isEqualTo(2);
        assertThat(sample.retries(RetryOutcome.RECOVERED)).isEqualTo(1);
    }

    @Test
    void aClosedPoolsCountsStayInTheSeriesAndItsConnectionsLeaveIt() {
        PoolRecord staying = register();
        PoolRecord closing = register();
        staying.stats().timedOut(1_000_000);
        closing.stats().timedOut(1_000_000);
        closing.stats().returned(2_000_000);
        closing.retryStats().record(RetryOutcome.GAVE_UP);
        collector.samples();

        registered.remove(closing);
        staying.stats().borrowed(1_000_000);
        PoolSample after = collectedLater();

        assertThat(after.timeouts()).isEqualTo(2);
        assertThat(after.waitTime().count()).isEqualTo(3);
        assertThat(after.useTime().count()).isEqualTo(1);
        assertThat(after.retries(RetryOutcome.GAVE_UP)).isEqualTo(1);
        assertThat(after.max()).as("only the open pool's connections").isEqualTo(160);
    }

    @Test
    void aSeriesWhosePoolsAreAllClosedIsNotExportedAndResumesWithItsTotalsWhenThePoolComesBack() {
        PoolRecord old = register();
        old.stats().timedOut(1_000_000);
        collector.samples();

        registered.remove(old);
        assertThat(collectedLaterAll()).isEmpty();

        PoolRecord rebuilt = register();
        rebuilt.stats().timedOut(1_000_000);
        assertThat(collectedLater().timeouts()).isEqualTo(2);
    }

    @Test
    void everyReadWithinOneCollectionSeesTheSameFigures() {
        PoolRecord pool = register();
        long before = collector.samples().get(0).timeouts();

        pool.stats().timedOut(1_000_000);

        assertThat(collector.sample(PoolSeries.keyOf(pool)).timeouts()).isEqualTo(before);
        assertThat(collectedLater().timeouts()).isEqualTo(before + 1);
    }

    @Test
    void poolsOfDifferentEndpointsAreSeparateSeries() {
        register();
        registered.add(TestPools.jedisPoolOf("10.0.0.7", 6379, 3, open()));

        assertThat(collector.samples())
                .extracting(PoolSample::name)
                .containsExactlyInAnyOrder("10.0.0.7:6379/2", "10.0.0.7:6379/3");
    }

    private PoolRecord register() {
        PoolRecord record = TestPools.jedisPoolOf("10.0.0.7", 6379, 2, open());
        registered.add(record);
        return record;
    }

    private GenericObjectPool<String> open() {
        GenericObjectPool<String> pool = TestPools.stringPool();
        opened.add(pool);
        return pool;
    }

    /** A collection after the previous one has stopped serving reads. */
    private List<PoolSample> collectedLaterAll() {
        clock.advanceMillis(TimeUnit.NANOSECONDS.toMillis(PoolCollector.SAME_COLLECTION_NANOS) + 1);
        return collector.samples();
    }

    private PoolSample collectedLater() {
        List<PoolSample> samples = collectedLaterAll();
        assertThat(samples).hasSize(1);
        return samples.get(0);
    }
}

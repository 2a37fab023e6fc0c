package io.redispoolagent.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.config.AgentConfig;
import io.redispoolagent.config.ConfigResolver;
import io.redispoolagent.retry.RetryPolicies;
import io.redispoolagent.testing.CapturedStderr;
import java.util.Collections;
import java.util.NoSuchElementException;
import java.util.Properties;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The hot path records into the pools of its own registry, so two agents' layers can live side by side. */
class PoolEventsTest {

    private static final AgentConfig PRODUCTION = ConfigResolver.resolve(
                    "env=production", new Properties(), Collections.<String, String>emptyMap())
            .config();

    @RegisterExtension
    final CapturedStderr stderr = new CapturedStderr();

    private final GenericObjectPool<String> pool = TestPools.stringPool();

    @AfterEach
    void closePool() {
        pool.close();
    }

    private static PoolEvents eventsOf(PoolRegistry registry) {
        return new PoolEvents(
                registry,
                new PoolLifecycle(PRODUCTION, registry, new RetryPolicies(PRODUCTION.retry())),
                new Holders(),
                null);
    }

    /** A borrow of {@link #pool} as the woven borrow reports it. */
    private void borrow(PoolEvents events, Object connection, Throwable failure) {
        PoolRecord record = events.borrowStarted(pool);
        events.borrowEnded(record, System.nanoTime(), connection, failure);
    }

    private PoolRecord registerIn(PoolRegistry registry) {
        Endpoint endpoint = new Endpoint("10.0.0.1", 6379, 0);
        PoolRecord record = new PoolRecord(
                new PoolIdentity(endpoint.poolName(), RedisClientFamily.JEDIS, "JedisPool", endpoint),
                null,
                Collections.<SettingChange>emptyList(),
                PoolKind.COMMONS_POOL2,
                null);
        registry.remember(pool, record);
        return record;
    }

    @Test
    void aBorrowCountsInTheRegistryThatKnowsThePoolAndNowhereElse() {
        PoolRegistry first = new PoolRegistry();
        PoolRegistry second = new PoolRegistry();
        PoolRecord record = registerIn(first);

        PoolEvents firstEvents = eventsOf(first);
        borrow(firstEvents, "connection", null);
        PoolEvents secondEvents = eventsOf(second);
        borrow(secondEvents, "connection", null);

        assertThat(record.stats().waitTime().count()).isEqualTo(1);
        assertThat(first.pools()).containsExactly(record);
        assertThat(second.pools()).as("a pool of strings is no Redis pool").isEmpty();
    }

    @Test
    void anExhaustedBorrowIsATimeoutAndAFailedCreationAValidationFailure() {
        PoolRegistry registry = new PoolRegistry();
        PoolRecord record = registerIn(registry);
        PoolEvents events = eventsOf(registry);

        borrow(events, null, new NoSuchElementException("Timeout waiting for idle object, borrowMaxWaitDuration=PT1S"));
        borrow(events, null, new NoSuchElementException("Unable to validate object"));

        assertThat(record.stats().timeouts()).isEqualTo(1);
        assertThat(record.stats().validationFailures()).isEqualTo(1);
    }

    @Test
    void aTimedOutBorrowWarnsOnceAMinuteWithThePoolsHolders() throws Exception {
        PoolRegistry registry = new PoolRegistry();
        registerIn(registry);
        PoolEvents events = eventsOf(registry);
        String held = pool.borrowObject();
        borrow(events, held, null);
        NoSuchElementException timeout =
                new NoSuchElementException("Timeout waiting for idle object, borrowMaxWaitDuration=PT0.5S");

        borrow(events, null, timeout);
        borrow(events, null, timeout);

        assertThat(stderr.text().split("WARN ", -1)).as(stderr.text()).hasSize(2);
        assertThat(stderr.text())
                .contains("WARN pool 10.0.0.1:6379/0 is exhausted: a borrow waited ")
                .contains("1 of 8 connections in use")
                .contains("thread \"" + Thread.currentThread().getName() + "\", for ");
        pool.returnObject(held);
    }

    @Test
    void withoutALeakThresholdReleasesNeedNotBeSeen() {
        assertThat(eventsOf(new PoolRegistry()).detectsLeaks()).isFalse();
    }
}

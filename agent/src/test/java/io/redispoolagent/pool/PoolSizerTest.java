package io.redispoolagent.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redispoolagent.config.AgentConfig;
import io.redispoolagent.config.ConfigResolver;
import io.redispoolagent.retry.RetryPolicies;
import io.redispoolagent.testing.CapturedStderr;
import java.util.Collections;
import java.util.Properties;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.SoftReferenceObjectPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A pool the agent cannot resize is reported once and keeps exactly the application's settings. */
class PoolSizerTest {

    private static final AgentConfig PRODUCTION = ConfigResolver.resolve(
                    "env=production", new Properties(), Collections.<String, String>emptyMap())
            .config();
    private static final PoolSizer SIZER = new PoolSizer(PRODUCTION, new RetryPolicies(PRODUCTION.retry()));

    @RegisterExtension
    final CapturedStderr stderr = new CapturedStderr();

    /** An application's own pool subclass whose maxIdle cannot be changed after construction. */
    private static final class FrozenIdlePool extends GenericObjectPool<String> {
        private boolean constructed;

        FrozenIdlePool() {
            super(new StringObjects());
            constructed = true;
        }

        @Override
        public void setMaxIdle(int maxIdle) {
            if (constructed) {
                throw new UnsupportedOperationException("maxIdle is fixed");
            }
            super.setMaxIdle(maxIdle);
        }
    }

    /** A pool with no discoverable endpoint, named jedis-JedisPool-N as the agent names such pools. */
    private static PoolIdentity identity() {
        return new PoolNamer().identify(new Object(), RedisClientFamily.JEDIS, "JedisPool");
    }

    @Test
    void aPoolClassWithoutTheSettersIsLeftAsItIsAndReportedOnce() throws Exception {
        SoftReferenceObjectPool<String> first = new SoftReferenceObjectPool<>(new StringObjects());
        SoftReferenceObjectPool<String> second = new SoftReferenceObjectPool<>(new StringObjects());

        assertThat(SIZER.size(first, identity(), "")).isNull();
        assertThat(SIZER.size(second, identity(), "")).isNull();

        assertThat(stderr.text().split("\n"))
                .filteredOn(line -> line.contains("is left as it is"))
                .hasSize(1);
        assertThat(first.borrowObject()).isEqualTo("connection");
    }

    @Test
    void aSetterThatFailsPartWayUndoesTheChangesAlreadyMade() {
        FrozenIdlePool pool = new FrozenIdlePool();

        assertThatThrownBy(() -> SIZER.size(pool, identity(), ""))
                .hasRootCauseInstanceOf(UnsupportedOperationException.class);

        assertThat(pool.getMaxTotal()).isEqualTo(8);
        assertThat(pool.getMaxIdle()).isEqualTo(8);
        assertThat(pool.getMinIdle()).isZero();
        pool.close();
    }
}

package io.redispoolagent.pool;

import io.redispoolagent.config.AgentConfig;
import io.redispoolagent.config.ConfigResolver;
import io.redispoolagent.retry.RetryPolicies;
import java.util.Collections;
import java.util.Properties;
import org.apache.commons.pool2.impl.GenericObjectPool;

/** Real commons-pool2 pools of strings, known to the agent under a chosen endpoint name, for tests outside this package. */
public final class TestPools {

    private static final AgentConfig PRODUCTION = ConfigResolver.resolve(
                    "env=production", new Properties(), Collections.<String, String>emptyMap())
            .config();

    private TestPools() {}

    /** A pool sized by the production profile, and its record as the agent would register it. */
    public static PoolRecord jedisPoolOf(String host, int port, int database, GenericObjectPool<String> pool) {
        Endpoint endpoint = new Endpoint(host, port, database);
        PoolIdentity identity = new PoolIdentity(endpoint.poolName(), RedisClientFamily.JEDIS, "JedisPool", endpoint);
        PoolRecord record = new PoolSizer(PRODUCTION, new RetryPolicies(PRODUCTION.retry())).size(pool, identity, "");
        record.bind(pool);
        return record;
    }

    public static GenericObjectPool<String> stringPool() {
        return new GenericObjectPool<>(new StringObjects());
    }
}

package io.redispoolagent.it.scenarios;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.support.AsyncConnectionPoolSupport;
import io.lettuce.core.support.BoundedAsyncPool;
import io.lettuce.core.support.BoundedPoolConfig;
import io.lettuce.core.support.ConnectionPoolSupport;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

/**
 * Builds Lettuce's generic (commons-pool2) and bounded async pools, each with the defaults and with an
 * application's explicit 300-connection config, and prints each pool's live settings. Uses only API
 * that Lettuce 5.3 to 7 share. Arguments: host port.
 */
public final class LettucePoolKindsApp {

    private LettucePoolKindsApp() {}

    public static void main(String[] args) throws Exception {
        RedisURI uri = RedisURI.create(args[0], Integer.parseInt(args[1]));
        RedisClient client = RedisClient.create(uri);
        try {
            for (boolean explicit : new boolean[] {false, true}) {
                String variant = explicit ? "explicit300" : "default";
                GenericObjectPoolConfig<StatefulRedisConnection<String, String>> config =
                        new GenericObjectPoolConfig<>();
                if (explicit) {
                    config.setMaxTotal(300);
                    config.setMaxIdle(300);
                    config.setMinIdle(20);
                    config.setMaxWaitMillis(5_000);
                    config.setTestWhileIdle(true);
                    config.setTimeBetweenEvictionRunsMillis(60_000);
                }
                GenericObjectPool<StatefulRedisConnection<String, String>> pool =
                        ConnectionPoolSupport.createGenericObjectPool(client::connect, config);
                PoolSettingsPrinter.print("ConnectionPoolSupport/" + variant, pool);
                pool.close();

                BoundedPoolConfig asyncConfig = explicit
                        ? BoundedPoolConfig.builder()
                                .maxTotal(300)
                                .maxIdle(300)
                                .minIdle(0)
                                .build()
                        : BoundedPoolConfig.create();
                BoundedAsyncPool<StatefulRedisConnection<String, String>> asyncPool =
                        AsyncConnectionPoolSupport.createBoundedObjectPool(
                                () -> client.connectAsync(StringCodec.UTF8, uri), asyncConfig);
                System.out.println("AsyncConnectionPoolSupport/" + variant + " maxTotal=" + asyncPool.getMaxTotal()
                        + " maxIdle=" + asyncPool.getMaxIdle() + " minIdle=" + asyncPool.getMinIdle());
                asyncPool.close();
            }
        } finally {
            client.shutdown();
        }
    }
}

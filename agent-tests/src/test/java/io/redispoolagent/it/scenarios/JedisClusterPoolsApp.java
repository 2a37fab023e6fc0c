package io.redispoolagent.it.scenarios;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

/**
 * Builds a {@code JedisCluster} twice against a running cluster, once with the client's default pool
 * config and once with an explicit config object of the application (which JedisCluster shares among
 * all its node pools), writes through each, and prints the live settings of every node pool:
 * {@code JedisCluster/<variant>/<host:port> maxTotal=...}, then the application's config object as it
 * stands after the build: {@code JedisCluster/explicit/sharedConfig maxTotal=...}. Reflection where
 * the Jedis versions differ (getClusterNodes() maps to JedisPool in 3, ConnectionPool in 4+), so one
 * class runs on Jedis 3 to 8.
 *
 * <p>Arguments: host port [port...] (the seed nodes). The system property {@code app.maxTotal} sets the
 * application's own size (default {@value #APP_MAX_TOTAL}).
 */
public final class JedisClusterPoolsApp {

    /** The application's own settings, deliberately unlike any profile so a mutation would show. */
    static final int APP_MAX_TOTAL = 50;

    private JedisClusterPoolsApp() {}

    public static void main(String[] args) throws Exception {
        String host = args[0];
        Set<Object> seeds = new LinkedHashSet<>();
        Class<?> hostAndPort = Class.forName("redis.clients.jedis.HostAndPort");
        for (int i = 1; i < args.length; i++) {
            seeds.add(hostAndPort.getConstructor(String.class, int.class).newInstance(host, Integer.parseInt(args[i])));
        }
        Class<?> clusterType = Class.forName("redis.clients.jedis.JedisCluster");

        Object defaults = clusterType.getConstructor(Set.class).newInstance(seeds);
        printNodePools("default", defaults);

        int appMaxTotal = Integer.getInteger("app.maxTotal", APP_MAX_TOTAL);
        GenericObjectPoolConfig<Object> shared = new GenericObjectPoolConfig<>();
        shared.setMaxTotal(appMaxTotal);
        shared.setMaxIdle(appMaxTotal);
        shared.setMinIdle(5);
        shared.setMaxWaitMillis(5_000);
        Object explicit = clusterType
                .getConstructor(Set.class, GenericObjectPoolConfig.class)
                .newInstance(seeds, shared);
        printNodePools("explicit", explicit);
        PoolSettingsPrinter.print("JedisCluster/explicit/sharedConfig", shared);
    }

    private static void printNodePools(String variant, Object cluster) throws Exception {
        // A write per slot range proves the cluster client works; it also borrows from every node's pool.
        for (String key : new String[] {"a", "b", "c", "d", "e", "f", "g", "h"}) {
            cluster.getClass().getMethod("set", String.class, String.class).invoke(cluster, key, variant);
        }
        Map<?, ?> nodes = (Map<?, ?>) PoolSettingsPrinter.call(cluster, "getClusterNodes");
        for (Map.Entry<?, ?> node : new TreeMap<>(nodes).entrySet()) {
            PoolSettingsPrinter.print(
                    "JedisCluster/" + variant + "/" + node.getKey(),
                    PoolSettingsPrinter.genericObjectPool(node.getValue()));
        }
        ((AutoCloseable) cluster).close();
    }
}

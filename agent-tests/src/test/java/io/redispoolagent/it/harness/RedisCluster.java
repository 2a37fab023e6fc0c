package io.redispoolagent.it.harness;

import io.redispoolagent.testsupport.redis.RedisServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * A real Redis Cluster of redis-server processes on 127.0.0.1, masters only: each node runs with
 * {@code --cluster-enabled yes} in its own working directory, owns an equal share of the 16384 slots
 * (CLUSTER ADDSLOTSRANGE) and has met the others (CLUSTER MEET). {@link #start} returns once every
 * node says {@code cluster_state:ok} and knows every other node by its address.
 *
 * <pre>{@code
 * try (RedisCluster cluster = RedisCluster.start(3)) {
 *     cluster.ports();   // the nodes' ports, in slot order
 * }
 * }</pre>
 */
public final class RedisCluster implements AutoCloseable {

    private static final int SLOTS = 16384;
    private static final Duration CONVERGENCE_TIMEOUT = Duration.ofSeconds(20);

    private final List<RedisServerProcess> nodes;

    private RedisCluster(List<RedisServerProcess> nodes) {
        this.nodes = nodes;
    }

    /** Starts {@code masters} cluster-enabled servers, splits the slots among them and waits until the cluster is ok. */
    public static RedisCluster start(int masters) {
        List<RedisServerProcess> nodes = new ArrayList<>();
        RedisCluster cluster = new RedisCluster(nodes);
        try {
            for (int i = 0; i < masters; i++) {
                nodes.add(RedisServerProcess.start(
                        0,
                        "--cluster-enabled",
                        "yes",
                        "--cluster-config-file",
                        "nodes.conf",
                        "--cluster-node-timeout",
                        "5000"));
            }
            for (int i = 0; i < masters; i++) {
                int first = i * SLOTS / masters;
                int last = (i + 1) * SLOTS / masters - 1;
                try (Jedis jedis = cluster.connect(i)) {
                    jedis.clusterAddSlotsRange(first, last);
                }
            }
            try (Jedis first = cluster.connect(0)) {
                for (int i = 1; i < masters; i++) {
                    first.clusterMeet(nodes.get(i).host(), nodes.get(i).port());
                }
            }
            cluster.awaitConvergence();
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    public List<RedisServerProcess> nodes() {
        return List.copyOf(nodes);
    }

    public List<Integer> ports() {
        return nodes.stream().map(RedisServerProcess::port).toList();
    }

    public String host() {
        return nodes.get(0).host();
    }

    /** A plain connection to one node, for checks. */
    public Jedis connect(int node) {
        // Generous: on a loaded test machine a starved server can take seconds to answer.
        return new Jedis(nodes.get(node).host(), nodes.get(node).port(), 10_000);
    }

    @Override
    public void close() {
        for (RedisServerProcess node : nodes) {
            node.close();
        }
    }

    @Override
    public String toString() {
        return "Redis Cluster of " + nodes.size() + " masters on ports " + ports();
    }

    private void awaitConvergence() {
        long deadline = System.nanoTime() + CONVERGENCE_TIMEOUT.toNanos();
        String lastView = "";
        while (System.nanoTime() < deadline) {
            lastView = "";
            boolean converged = true;
            for (int i = 0; i < nodes.size(); i++) {
                try (Jedis jedis = connect(i)) {
                    String info = jedis.clusterInfo();
                    String clusterNodes = jedis.clusterNodes();
                    lastView += "--- node " + nodes.get(i).port() + "\n" + info + "\n" + clusterNodes + "\n";
                    converged &= info.contains("cluster_state:ok")
                            && info.contains("cluster_known_nodes:" + nodes.size())
                            && everyNodeConnectedByAddress(clusterNodes);
                } catch (JedisConnectionException slow) {
                    lastView += "--- node " + nodes.get(i).port() + ": " + slow + "\n";
                    converged = false;
                }
            }
            if (converged) {
                return;
            }
            sleep(50);
        }
        close();
        throw new IllegalStateException("the cluster did not converge within " + CONVERGENCE_TIMEOUT.toSeconds()
                + " s; last view:\n" + lastView);
    }

    /** Every line of CLUSTER NODES names the node by 127.0.0.1 and a port, and none is in handshake or failing. */
    private boolean everyNodeConnectedByAddress(String clusterNodes) {
        List<String> lines =
                clusterNodes.lines().filter(line -> !line.isBlank()).toList();
        if (lines.size() != nodes.size()) {
            return false;
        }
        for (String line : lines) {
            String[] fields = line.split(" ");
            if (fields.length < 8
                    || !fields[1].startsWith(host() + ":")
                    || !fields[7].equals("connected")
                    || fields[2].contains("handshake")
                    || fields[2].contains("fail")
                    || fields[2].contains("noaddr")) {
                return false;
            }
        }
        return true;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the cluster", e);
        }
    }
}

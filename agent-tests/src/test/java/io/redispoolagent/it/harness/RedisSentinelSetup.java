package io.redispoolagent.it.harness;

import io.redispoolagent.testsupport.redis.RedisServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A real Redis Sentinel topology on 127.0.0.1: a master, one replica of it ({@code --replicaof}) and
 * one sentinel monitoring the master under a name with quorum 1. {@link #start} returns once the
 * sentinel knows the replica and sees its link to the master up, so a forced {@link #failover()} can
 * promote it at once.
 *
 * <pre>{@code
 * try (RedisSentinelSetup sentinel = RedisSentinelSetup.start("mymaster")) {
 *     sentinel.sentinelAddress();          // "127.0.0.1:<port>", what clients are given
 *     int newMaster = sentinel.failover();  // SENTINEL FAILOVER, then waits for the promotion
 * }
 * }</pre>
 *
 * <p>After a failover the old master is demoted by the sentinel only some seconds later (Sentinel
 * waits before converting it), so the topology is meant for one failover: start a new one for the
 * next.
 */
public final class RedisSentinelSetup implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration FAILOVER_TIMEOUT = Duration.ofSeconds(20);
    /** Generous: on a loaded test machine a starved server can take seconds to answer. */
    private static final int SOCKET_TIMEOUT_MILLIS = 10_000;

    private final String masterName;
    private final RedisServerProcess first;
    private final RedisServerProcess second;
    private final RedisServerProcess sentinel;
    private final Path sentinelDir;

    private RedisSentinelSetup(
            String masterName,
            RedisServerProcess first,
            RedisServerProcess second,
            RedisServerProcess sentinel,
            Path sentinelDir) {
        this.masterName = masterName;
        this.first = first;
        this.second = second;
        this.sentinel = sentinel;
        this.sentinelDir = sentinelDir;
    }

    public static RedisSentinelSetup start(String masterName) {
        RedisServerProcess master = null;
        RedisServerProcess replica = null;
        RedisServerProcess sentinel = null;
        Path dir = null;
        try {
            // Without the delay (5 s by default) a master waits for more replicas before it streams the first sync.
            master = RedisServerProcess.start(0, "--repl-diskless-sync-delay", "0");
            replica = RedisServerProcess.start(
                    0,
                    "--repl-diskless-sync-delay",
                    "0",
                    "--replicaof",
                    master.host(),
                    Integer.toString(master.port()));
            dir = Files.createTempDirectory("sentinel-");
            Path config = dir.resolve("sentinel.conf");
            Files.writeString(
                    config,
                    String.join(
                            "\n",
                            "sentinel resolve-hostnames no",
                            "sentinel monitor " + masterName + " " + master.host() + " " + master.port() + " 1",
                            "sentinel down-after-milliseconds " + masterName + " 2000",
                            "sentinel failover-timeout " + masterName + " 10000",
                            "sentinel parallel-syncs " + masterName + " 1",
                            ""));
            sentinel = RedisServerProcess.startWithConfig(config, 0, "--sentinel");
            stayOutOfTilt(sentinel);
            RedisSentinelSetup setup = new RedisSentinelSetup(masterName, master, replica, sentinel, dir);
            setup.awaitReplicaKnown();
            return setup;
        } catch (IOException e) {
            closeAll(master, replica, sentinel, dir);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            closeAll(master, replica, sentinel, dir);
            throw e;
        }
    }

    public String masterName() {
        return masterName;
    }

    public RedisServerProcess sentinel() {
        return sentinel;
    }

    /** The sentinel as clients are given it: {@code 127.0.0.1:<port>}. */
    public String sentinelAddress() {
        return sentinel.host() + ":" + sentinel.port();
    }

    /** The two data servers; which one is the master changes at a failover. */
    public List<RedisServerProcess> dataServers() {
        return List.of(first, second);
    }

    /** The master's port as the sentinel reports it now. */
    public int currentMasterPort() {
        try (Jedis jedis = connect(sentinel)) {
            List<String> address = jedis.sentinelGetMasterAddrByName(masterName);
            return Integer.parseInt(address.get(1));
        }
    }

    /**
     * Forces {@code SENTINEL FAILOVER <master>} and waits until the sentinel reports the replica as the
     * new master and that server says {@code role:master}; returns the new master's port.
     */
    public int failover() {
        int oldMaster = currentMasterPort();
        long deadline = System.nanoTime() + FAILOVER_TIMEOUT.toNanos();
        String lastError = null;
        try (Jedis jedis = connect(sentinel)) {
            while (true) {
                try {
                    jedis.sentinelFailover(masterName);
                    break;
                } catch (JedisDataException refused) { // NOGOODSLAVE while the sentinel is still learning the replica
                    lastError = refused.getMessage();
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("SENTINEL FAILOVER " + masterName + " kept failing: "
                                + lastError + "\nsentinel log:\n" + sentinel.log());
                    }
                    sleep(100);
                }
            }
        }
        return awaitPromotion(oldMaster, deadline);
    }

    /**
     * Kills the master (SIGKILL, as a crash or a lost host would) and waits until the sentinel has found
     * it down and promoted the replica; returns the new master's port.
     */
    public int killMaster() {
        int oldMaster = currentMasterPort();
        server(oldMaster).kill();
        return awaitPromotion(oldMaster, System.nanoTime() + FAILOVER_TIMEOUT.toNanos());
    }

    private int awaitPromotion(int oldMaster, long deadline) {
        while (System.nanoTime() < deadline) {
            try {
                int master = currentMasterPort();
                if (master != oldMaster && "master".equals(role(server(master)))) {
                    return master;
                }
            } catch (JedisConnectionException slow) {
                // keep asking until the deadline
            }
            sleep(50);
        }
        throw new IllegalStateException("the sentinel did not promote the replica of " + oldMaster + " within "
                + FAILOVER_TIMEOUT.toSeconds() + " s\nsentinel log:\n" + sentinel.log());
    }

    /**
     * Waits until {@code count} clients are subscribed on the sentinel (Jedis clients follow the master
     * through the sentinel's {@code +switch-master} channel): a failover before that would go unseen.
     */
    public void awaitSubscribers(int count) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String clients = "";
        while (System.nanoTime() < deadline) {
            try (Jedis jedis = connect(sentinel)) {
                clients = jedis.clientList();
            } catch (JedisConnectionException slow) {
                clients = slow.toString();
            }
            if (clients.lines().filter(line -> line.contains(" sub=1 ")).count() >= count) {
                return;
            }
            sleep(20);
        }
        throw new IllegalStateException(count + " clients did not subscribe to the sentinel within "
                + READY_TIMEOUT.toSeconds() + " s; its clients:\n" + clients);
    }

    @Override
    public void close() {
        closeAll(first, second, sentinel, sentinelDir);
    }

    @Override
    public String toString() {
        return "sentinel " + sentinelAddress() + " monitoring " + masterName + " (servers on " + first.port() + " and "
                + second.port() + ")";
    }

    private void awaitReplicaKnown() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String lastView = "";
        while (System.nanoTime() < deadline) {
            try (Jedis jedis = connect(sentinel)) {
                List<Map<String, String>> replicas = jedis.sentinelReplicas(masterName);
                lastView = replicas.toString();
                if (replicas.size() == 1
                        && "slave".equals(replicas.get(0).get("flags"))
                        && "ok".equals(replicas.get(0).get("master-link-status"))
                        && Integer.toString(second.port())
                                .equals(replicas.get(0).get("port"))) {
                    return;
                }
            } catch (JedisConnectionException slow) {
                lastView = slow.toString();
            }
            sleep(50);
        }
        throw new IllegalStateException("the sentinel did not see the replica within " + READY_TIMEOUT.toSeconds()
                + " s; it reports " + lastView + "\nsentinel log:\n" + sentinel.log());
    }

    /**
     * A sentinel whose timer runs late by more than 2 s (a loaded test machine, a GC pause of the whole
     * box) enters TILT mode and refuses to act for 30 s, failover included. On a test machine a late
     * timer says nothing about the Redis servers, so allow 30 s of lateness and leave TILT after 1 s.
     */
    private static void stayOutOfTilt(RedisServerProcess sentinel) {
        try (Jedis jedis = connect(sentinel)) {
            jedis.sendCommand(Protocol.Command.SENTINEL, "DEBUG", "tilt-trigger", "30000", "tilt-period", "1000");
        }
    }

    private RedisServerProcess server(int port) {
        return first.port() == port ? first : second;
    }

    private static String role(RedisServerProcess server) {
        try (Jedis jedis = connect(server)) {
            return jedis.info("replication")
                    .lines()
                    .filter(line -> line.startsWith("role:"))
                    .map(line -> line.substring("role:".length()).trim())
                    .findFirst()
                    .orElse("");
        } catch (RuntimeException unreachable) {
            return "";
        }
    }

    private static Jedis connect(RedisServerProcess server) {
        return new Jedis(server.host(), server.port(), SOCKET_TIMEOUT_MILLIS);
    }

    private static void closeAll(
            RedisServerProcess master, RedisServerProcess replica, RedisServerProcess sentinel, Path dir) {
        for (RedisServerProcess server : new RedisServerProcess[] {sentinel, replica, master}) {
            if (server != null) {
                server.close();
            }
        }
        if (dir != null) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException ignored) {
                // a temporary directory left behind fails no test
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sentinel", e);
        }
    }
}

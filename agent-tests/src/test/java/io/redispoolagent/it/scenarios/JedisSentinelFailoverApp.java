package io.redispoolagent.it.scenarios;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

/**
 * Builds every Sentinel client the running Jedis has, each with the client's default pool config:
 * {@code JedisSentinelPool} (3-8), {@code JedisSentineled} (4-7) and {@code RedisSentinelClient}
 * (7.x, 8). Prints each one's live pool, then waits for the test to fail the master over, then writes
 * through each client until the new master answers and prints the pool again. Lines:
 * <pre>
 * &lt;client&gt;/before maxTotal=...          the pool's settings as built
 * &lt;client&gt;/before.pool &lt;id&gt;            the pool object's identity
 * &lt;client&gt;/after.server port=P role=R    the server that answered through the pool after the failover
 * &lt;client&gt;/after maxTotal=...           the settings of the pool now in use
 * &lt;client&gt;/after.pool &lt;id&gt;
 * </pre>
 *
 * <p>Handshake with the test through files in a directory: the app writes {@code ready} (holding the
 * number of clients, each of which subscribes to the sentinel) once its clients are built, and waits
 * for {@code go}, which holds the port of the new master. Reflection throughout, so one class runs on
 * Jedis 3 to 8.
 *
 * <p>Arguments: sentinelHost:port masterName [handshakeDir]. Without a handshake directory the app only
 * prints the pools as built ({@code <client>/before ...}) and exits: no failover.
 */
public final class JedisSentinelFailoverApp {

    private static final long GO_TIMEOUT_MILLIS = 30_000;
    private static final long NEW_MASTER_TIMEOUT_MILLIS = 10_000;

    private JedisSentinelFailoverApp() {}

    /** One Sentinel client of the application and the pool it uses now. */
    private abstract static class SentinelClient {
        final String label;
        final Object client;

        SentinelClient(String label, Object client) {
            this.label = label;
            this.client = client;
        }

        abstract Object pool() throws Exception;

        /** The master's port as the client currently believes it. */
        int currentMasterPort() throws Exception {
            Object master = PoolSettingsPrinter.call(client, getterOfCurrentMaster());
            return (Integer) PoolSettingsPrinter.call(master, "getPort");
        }

        String getterOfCurrentMaster() {
            return "getCurrentMaster";
        }

        /** Writes through the client, then returns the INFO of the server that answered through its pool. */
        abstract String writeAndInfo() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String sentinel = args[0];
        String masterName = args[1];
        Path handshake = args.length > 2 ? Paths.get(args[2]) : null;

        List<SentinelClient> clients = new ArrayList<>();
        clients.add(jedisSentinelPool(masterName, sentinel));
        if (exists("redis.clients.jedis.JedisSentineled")) {
            clients.add(jedisSentineled(masterName, sentinel));
        }
        if (exists("redis.clients.jedis.RedisSentinelClient")) {
            clients.add(redisSentinelClient(masterName, sentinel));
        }
        for (SentinelClient client : clients) {
            PoolSettingsPrinter.print(client.label + "/before", client.pool());
            System.out.println(client.label + "/before.pool " + System.identityHashCode(client.pool()));
        }
        System.out.flush();
        if (handshake == null) {
            for (SentinelClient client : clients) {
                ((AutoCloseable) client.client).close();
            }
            return;
        }

        writeAtomically(handshake.resolve("ready"), Integer.toString(clients.size()));
        int newMaster = Integer.parseInt(awaitFile(handshake.resolve("go")).trim());

        for (SentinelClient client : clients) {
            System.out.println(client.label + "/after.server " + awaitServer(client, newMaster));
            PoolSettingsPrinter.print(client.label + "/after", client.pool());
            System.out.println(client.label + "/after.pool " + System.identityHashCode(client.pool()));
        }
        for (SentinelClient client : clients) {
            ((AutoCloseable) client.client).close();
        }
    }

    /**
     * Waits until the client has heard of the new master from the sentinel (borrowing before that could
     * hand a connection to the old master back to the pool after the client cleared it: Jedis' own race,
     * not the agent's), then retries until the server answering through the client's pool is the new
     * master: {@code port=P role=R}.
     */
    private static String awaitServer(SentinelClient client, int newMaster) throws Exception {
        long deadline = System.currentTimeMillis() + NEW_MASTER_TIMEOUT_MILLIS;
        while (client.currentMasterPort() != newMaster) {
            if (System.currentTimeMillis() > deadline) {
                return "TIMEOUT: the client still names " + client.currentMasterPort() + " as master";
            }
            Thread.sleep(20);
        }
        String last = "none";
        while (true) {
            try {
                String info = client.writeAndInfo();
                last = "port=" + field(info, "tcp_port") + " role=" + field(info, "role");
                if (last.equals("port=" + newMaster + " role=master")) {
                    return last;
                }
            } catch (Exception e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                last = cause.toString();
            }
            if (System.currentTimeMillis() > deadline) {
                return "TIMEOUT waiting for 127.0.0.1:" + newMaster + " as master; last answer: " + last;
            }
            Thread.sleep(100);
        }
    }

    /** With the system property {@code app.maxTotal}, the application sizes its JedisSentinelPool itself. */
    private static SentinelClient jedisSentinelPool(String masterName, String sentinel) throws Exception {
        Class<?> type = Class.forName("redis.clients.jedis.JedisSentinelPool");
        Integer appMaxTotal = Integer.getInteger("app.maxTotal");
        Object pool;
        if (appMaxTotal == null) {
            pool = type.getConstructor(String.class, Set.class)
                    .newInstance(masterName, Collections.singleton(sentinel));
        } else {
            GenericObjectPoolConfig<Object> config = new GenericObjectPoolConfig<>();
            config.setMaxTotal(appMaxTotal);
            config.setMaxIdle(appMaxTotal);
            pool = type.getConstructor(String.class, Set.class, GenericObjectPoolConfig.class)
                    .newInstance(masterName, Collections.singleton(sentinel), config);
        }
        return new SentinelClient("JedisSentinelPool", pool) {
            @Override
            String getterOfCurrentMaster() {
                return "getCurrentHostMaster";
            }

            @Override
            Object pool() throws Exception {
                return PoolSettingsPrinter.genericObjectPool(client);
            }

            @Override
            String writeAndInfo() throws Exception {
                Object jedis = PoolSettingsPrinter.call(client, "getResource");
                try {
                    jedis.getClass()
                            .getMethod("set", String.class, String.class)
                            .invoke(jedis, "failover-probe", label);
                    return (String) PoolSettingsPrinter.call(jedis, "info");
                } finally {
                    ((AutoCloseable) jedis).close();
                }
            }
        };
    }

    private static SentinelClient jedisSentineled(String masterName, String sentinel) throws Exception {
        Class<?> clientConfig = Class.forName("redis.clients.jedis.JedisClientConfig");
        Object client = Class.forName("redis.clients.jedis.JedisSentineled")
                .getConstructor(String.class, clientConfig, Set.class, clientConfig)
                .newInstance(
                        masterName,
                        defaultClientConfig(),
                        Collections.singleton(hostAndPort(sentinel)),
                        defaultClientConfig());
        return unifiedSentinelClient("JedisSentineled", client);
    }

    private static SentinelClient redisSentinelClient(String masterName, String sentinel) throws Exception {
        Object builder = Class.forName("redis.clients.jedis.RedisSentinelClient")
                .getMethod("builder")
                .invoke(null);
        builder.getClass().getMethod("masterName", String.class).invoke(builder, masterName);
        builder.getClass()
                .getMethod("sentinels", Set.class)
                .invoke(builder, Collections.singleton(hostAndPort(sentinel)));
        return unifiedSentinelClient(
                "RedisSentinelClient", builder.getClass().getMethod("build").invoke(builder));
    }

    /** A UnifiedJedis over a SentineledConnectionProvider, which replaces its pool at each failover. */
    private static SentinelClient unifiedSentinelClient(String label, Object client) {
        return new SentinelClient(label, client) {
            @Override
            Object pool() throws Exception {
                Object provider = field(Class.forName("redis.clients.jedis.UnifiedJedis"), "provider")
                        .get(client);
                return field(provider.getClass(), "pool").get(provider);
            }

            @Override
            String writeAndInfo() throws Exception {
                client.getClass().getMethod("set", String.class, String.class).invoke(client, "failover-probe", label);
                Class<?> protocolCommand = Class.forName("redis.clients.jedis.commands.ProtocolCommand");
                Object info = Enum.valueOf(
                        Class.forName("redis.clients.jedis.Protocol$Command").asSubclass(Enum.class), "INFO");
                Object reply = client.getClass()
                        .getMethod("sendCommand", protocolCommand, String[].class)
                        .invoke(client, info, new String[0]);
                return reply instanceof byte[]
                        ? new String((byte[]) reply, StandardCharsets.UTF_8)
                        : String.valueOf(reply);
            }
        };
    }

    private static Object defaultClientConfig() throws Exception {
        Object builder = Class.forName("redis.clients.jedis.DefaultJedisClientConfig")
                .getMethod("builder")
                .invoke(null);
        return builder.getClass().getMethod("build").invoke(builder);
    }

    private static Object hostAndPort(String address) throws Exception {
        int colon = address.lastIndexOf(':');
        return Class.forName("redis.clients.jedis.HostAndPort")
                .getConstructor(String.class, int.class)
                .newInstance(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            try {
                Field field = t.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException notHere) {
                // keep looking
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }

    private static String field(String info, String name) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return "?";
    }

    private static void writeAtomically(Path file, String content) throws Exception {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, content.getBytes(StandardCharsets.UTF_8));
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String awaitFile(Path file) throws Exception {
        long deadline = System.currentTimeMillis() + GO_TIMEOUT_MILLIS;
        while (!Files.exists(file)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("no " + file + " within " + GO_TIMEOUT_MILLIS + " ms");
            }
            Thread.sleep(20);
        }
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }
}

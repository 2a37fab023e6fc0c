package io.redispoolagent.it.harness;

import io.redispoolagent.testsupport.redis.RedisServerProcess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real redis-servers (7.0.15, each on its own free loopback port) for the tests of one class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RedisExtension redis = RedisExtension.oneServer();   // or RedisExtension.servers(3)
 * ... redis.server().port(); redis.server(2).kill(); redis.server(2).restart();
 * }</pre>
 *
 * <p>Register it on a static field: the servers start before the first test of the class and stop
 * after the last. A server that a test killed or stopped is started again (same port) before the
 * next test, so each test begins with every server up.
 */
public final class RedisExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final int count;
    private final String[] serverArgs;
    private final List<RedisServerProcess> servers = new ArrayList<>();

    private RedisExtension(int count, String... serverArgs) {
        this.count = count;
        this.serverArgs = serverArgs;
    }

    public static RedisExtension oneServer() {
        return servers(1);
    }

    /** One server started with extra redis-server arguments (kept across restarts), e.g. {@code "--requirepass", "pw"}. */
    public static RedisExtension oneServer(String... serverArgs) {
        return new RedisExtension(1, serverArgs);
    }

    public static RedisExtension servers(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        return new RedisExtension(count);
    }

    /** The first (or only) server. */
    public RedisServerProcess server() {
        return server(0);
    }

    public RedisServerProcess server(int index) {
        if (servers.isEmpty()) {
            throw new IllegalStateException("no redis-server is running: register RedisExtension on a static field");
        }
        return servers.get(index);
    }

    public List<RedisServerProcess> servers() {
        return List.copyOf(servers);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        for (int i = 0; i < count; i++) {
            servers.add(RedisServerProcess.start(0, serverArgs));
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        for (RedisServerProcess server : servers) {
            if (!server.isRunning()) {
                server.restart();
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        servers.forEach(RedisServerProcess::close);
        servers.clear();
    }
}

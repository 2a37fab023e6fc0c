package io.redispoolagent.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.config.AgentConfig;
import io.redispoolagent.config.ConfigResolver;
import java.util.Collections;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StatusConfigTest {

    private static ConfigResolver.Result resolve(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return ConfigResolver.resolve(null, properties, Collections.<String, String>emptyMap());
    }

    @Test
    void offByDefaultOnLoopbackWhenOn() {
        AgentConfig config = resolve().config();
        assertThat(config.statusPort()).isNull();
        assertThat(config.statusHost()).isEqualTo("127.0.0.1");

        ConfigResolver.Result on = resolve("redis.pool.status.port", "9091");
        assertThat(on.config().statusPort()).isEqualTo(9091);
        assertThat(on.config().statusHost()).isEqualTo("127.0.0.1");
        assertThat(on.warnings()).isEmpty();
    }

    @Test
    void hostAndPortFromAgentArgumentsAndEnvironment() {
        ConfigResolver.Result resolved = ConfigResolver.resolve(
                "status.port=9200,status.host=0.0.0.0",
                new Properties(),
                Collections.singletonMap("REDIS_POOL_STATUS_PORT", "9100"));
        assertThat(resolved.config().statusPort()).isEqualTo(9200);
        assertThat(resolved.config().statusHost()).isEqualTo("0.0.0.0");
        assertThat(ConfigResolver.resolve(
                                null, new Properties(), Collections.singletonMap("REDIS_POOL_STATUS_PORT", "9100"))
                        .config()
                        .statusPort())
                .isEqualTo(9100);
    }

    @Test
    void aBadPortIsOneWarningAndTheViewStaysOff() {
        for (String bad : new String[] {"http", "0", "65536", "-1", "80 80"}) {
            ConfigResolver.Result resolved = resolve("redis.pool.status.port", bad);
            assertThat(resolved.config().statusPort()).isNull();
            assertThat(resolved.warnings()).as(bad).hasSize(1);
            assertThat(resolved.warnings().get(0))
                    .startsWith("redis.pool.status.port=" + bad + " (")
                    .endsWith(" is not valid: expected a TCP port from 1 to 65535; using not set: no status view");
        }
    }

    @Test
    void aBadHostIsOneWarningAndTheLoopbackIsKept() {
        ConfigResolver.Result resolved = resolve("redis.pool.status.port", "9091", "redis.pool.status.host", "my host");
        assertThat(resolved.config().statusHost()).isEqualTo("127.0.0.1");
        assertThat(resolved.warnings()).hasSize(1);
        assertThat(resolved.warnings().get(0))
                .contains("redis.pool.status.host")
                .contains("127.0.0.1");
    }
}

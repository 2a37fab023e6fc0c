package io.redispoolagent.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.config.AgentConfig;
import io.redispoolagent.config.ConfigResolver;
import io.redispoolagent.config.ConfigValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The redis.pool.retry.* keys: defaults, sources, and one warning per bad value. */
class RetryConfigurationTest {

    private final Properties properties = new Properties();
    private final Map<String, String> environment = new HashMap<>();

    private ConfigResolver.Result resolve(String agentArguments) {
        return ConfigResolver.resolve(agentArguments, properties, environment);
    }

    private RetrySettings retry(String agentArguments) {
        ConfigResolver.Result result = resolve(agentArguments);
        assertThat(result.warnings()).isEmpty();
        return result.config().retry();
    }

    private static ConfigValue shown(AgentConfig config, String key) {
        return config.values().stream()
                .filter(v -> v.key().equals(key))
                .findFirst()
                .get();
    }

    @Test
    void withAnEnvironmentRetryIsOnWithTheDocumentedDefaults() {
        RetrySettings retry = retry("env=production");

        assertThat(retry.enabled()).isTrue();
        assertThat(retry.maxAttempts()).isEqualTo(4);
        assertThat(retry.initialBackoffMillis()).isEqualTo(8);
        assertThat(retry.maxBackoffMillis()).isEqualTo(512);
        assertThat(retry.multiplier()).isEqualTo(4.0);
        assertThat(retry.jitter()).isTrue();
        assertThat(retry.deadlineMillis()).isEqualTo(1_000);
        assertThat(retry.budgetRatio()).isEqualTo(0.1);
        assertThat(retry.budgetMinPerSecond()).isEqualTo(10);
        assertThat(retry.idempotent()).isEmpty();
        assertThat(retry.never()).isEmpty();
    }

    @Test
    void floorModeRetriesToo() {
        assertThat(retry("env=staging,mode=floor").enabled()).isTrue();
    }

    @Test
    void observeModeChangesNoBehaviourSoRetryIsOff() {
        assertThat(retry(null).enabled()).isFalse();
        assertThat(retry("env=production,mode=observe").enabled()).isFalse();
    }

    @Test
    void retryCanBeTurnedOnInObserveModeAndOffInEnforceMode() {
        assertThat(retry("retry.enabled=true").enabled()).isTrue();
        assertThat(retry("env=production,retry.enabled=false").enabled()).isFalse();
    }

    @Test
    void everyKeyCanBeSetFromAgentArguments() {
        RetrySettings retry = retry("env=production,retry.maxAttempts=3,retry.initialBackoff=10ms,retry.maxBackoff=1s,"
                + "retry.multiplier=2.5,retry.jitter=false,retry.deadline=2s,retry.budget=20%,"
                + "retry.budgetMinPerSecond=0,retry.idempotent=incr;FT.SEARCH client|kill,retry.never=GET");

        assertThat(retry.maxAttempts()).isEqualTo(3);
        assertThat(retry.initialBackoffMillis()).isEqualTo(10);
        assertThat(retry.maxBackoffMillis()).isEqualTo(1_000);
        assertThat(retry.multiplier()).isEqualTo(2.5);
        assertThat(retry.jitter()).isFalse();
        assertThat(retry.deadlineMillis()).isEqualTo(2_000);
        assertThat(retry.budgetRatio()).isEqualTo(0.2);
        assertThat(retry.budgetMinPerSecond()).isZero();
        assertThat(retry.idempotent()).containsExactly("INCR", "FT.SEARCH", "CLIENT|KILL");
        assertThat(retry.never()).containsExactly("GET");
        assertThat(retry.commandSafety().classify("INCR")).isEqualTo(Safety.IDEMPOTENT_WRITE);
    }

    @Test
    void keysComeFromSystemPropertiesAndEnvironmentVariablesToo() {
        properties.setProperty("redis.pool.retry.budget", "0.05");
        properties.setProperty("redis.pool.retry.never", "HGETALL, SMEMBERS");
        environment.put("REDIS_POOL_RETRY_MAX_ATTEMPTS", "2");

        RetrySettings retry = retry("env=production");

        assertThat(retry.budgetRatio()).isEqualTo(0.05);
        assertThat(retry.never()).containsExactly("HGETALL", "SMEMBERS");
        assertThat(retry.maxAttempts()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({
        "redis.pool.retry.enabled, maybe, true or false, using true",
        "redis.pool.retry.maxAttempts, 0, a whole number from 1 (no retry) to 10, using 4 (default)",
        "redis.pool.retry.maxAttempts, 50, a whole number from 1 (no retry) to 10, using 4 (default)",
        "redis.pool.retry.initialBackoff, soon, a duration above zero, using 8ms (default)",
        "redis.pool.retry.maxBackoff, 0, a duration above zero, using 512ms (default)",
        "redis.pool.retry.multiplier, 0.5, a number from 1 to 10, using 4 (default)",
        "redis.pool.retry.jitter, full, true or false, using true (default)",
        "redis.pool.retry.deadline, -1s, a duration above zero, using 1s (default)",
        "redis.pool.retry.budget, 1.5, a ratio from 0 to 1, using 0.1 (default)",
        "redis.pool.retry.budget, lots, a ratio from 0 to 1, using 0.1 (default)",
        "redis.pool.retry.budgetMinPerSecond, -1, a whole number from 0 to 100000, using 10 (default)",
        "redis.pool.retry.idempotent, GET|, Redis command names separated by ';' or spaces, using none (default)",
        "redis.pool.retry.never, SET/GET, Redis command names separated by ';' or spaces, using none (default)",
    })
    void aBadValueGivesOneWarningNamingKeyValueExpectationAndFallback(
            String key, String value, String expected, String using) {
        properties.setProperty("redis.pool.env", "production");
        properties.setProperty(key, value);

        ConfigResolver.Result result = resolve(null);

        assertThat(result.warnings()).hasSize(1);
        assertThat(result.warnings().get(0))
                .contains(key + "=" + value)
                .contains("system property")
                .contains(expected)
                .contains(using);
    }

    @Test
    void aBadValueFallsBackToTheDefault() {
        properties.setProperty("redis.pool.retry.maxAttempts", "many");

        assertThat(resolve("env=production").config().retry().maxAttempts()).isEqualTo(4);
    }

    @Test
    void theConfigCommandShowsEveryRetryKeyWithItsOrigin() {
        properties.setProperty("redis.pool.retry.deadline", "1500ms");

        AgentConfig config = resolve("env=production").config();

        assertThat(config.values())
                .extracting(ConfigValue::key)
                .contains(
                        "redis.pool.retry.enabled",
                        "redis.pool.retry.maxAttempts",
                        "redis.pool.retry.initialBackoff",
                        "redis.pool.retry.maxBackoff",
                        "redis.pool.retry.multiplier",
                        "redis.pool.retry.jitter",
                        "redis.pool.retry.deadline",
                        "redis.pool.retry.budget",
                        "redis.pool.retry.budgetMinPerSecond",
                        "redis.pool.retry.idempotent",
                        "redis.pool.retry.never");
        assertThat(shown(config, "redis.pool.retry.enabled").value()).isEqualTo("true");
        assertThat(shown(config, "redis.pool.retry.enabled").origin()).isEqualTo("default: on in enforce mode");
        assertThat(shown(config, "redis.pool.retry.deadline").value()).isEqualTo("1500ms");
        assertThat(shown(config, "redis.pool.retry.deadline").origin()).isEqualTo("system property");
        assertThat(shown(config, "redis.pool.retry.initialBackoff").value()).isEqualTo("8ms");
        assertThat(shown(config, "redis.pool.retry.multiplier").value()).isEqualTo("4");
        assertThat(shown(config, "redis.pool.retry.budget").value()).isEqualTo("0.1");
        assertThat(shown(config, "redis.pool.retry.never").value()).isEqualTo("none");
    }

    @Test
    void inObserveModeTheConfigCommandSaysWhyRetryIsOff() {
        AgentConfig config = resolve(null).config();

        assertThat(shown(config, "redis.pool.retry.enabled").value()).isEqualTo("false");
        assertThat(shown(config, "redis.pool.retry.enabled").origin()).isEqualTo("default: off in observe mode");
    }

    @Test
    void retryKeysCannotBeSetPerPool() {
        properties.setProperty("redis.pool.retry.maxAttempts[cache:6379/0]", "2");

        assertThat(resolve("env=production").warnings())
                .singleElement()
                .asString()
                .contains("cannot be set per pool");
    }
}

package io.redispoolagent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad value gives exactly one warning that names the key, the value, what was expected and what is used. */
class BadConfigurationTest {

    private final Properties properties = new Properties();
    private final Map<String, String> environment = new HashMap<>();

    private ConfigResolver.Result resolve(String agentArguments) {
        return ConfigResolver.resolve(agentArguments, properties, environment);
    }

    @ParameterizedTest
    @CsvSource({
        "redis.pool.maxTotal, banana, a whole number from 1 to 100000",
        "redis.pool.maxTotal, -1, a whole number from 1 to 100000",
        "redis.pool.maxTotal, 0, a whole number from 1 to 100000",
        "redis.pool.maxTotal, 99999999999, a whole number from 1 to 100000",
        "redis.pool.minIdle, -3, a whole number from 0 to 100000",
        "redis.pool.maxWait, fast, a duration above zero such as 250ms",
        "redis.pool.maxWait, 0, a duration above zero such as 250ms",
        "redis.pool.maxWait, -1, a duration above zero such as 250ms",
        "redis.pool.evictionInterval, 5 parsecs, a duration above zero such as 250ms",
        "redis.pool.testWhileIdle, yes please, true or false",
        "redis.pool.mode, aggressive, 'enforce, floor or observe'",
        "redis.pool.log.level, verbose, 'error|warn|info|debug'",
    })
    void aBadValueGivesOneWarningNamingKeyValueAndWhatWasExpected(String key, String value, String expected) {
        properties.setProperty("redis.pool.env", "production");
        properties.setProperty(key, value);

        ConfigResolver.Result result = resolve(null);

        assertThat(result.warnings()).hasSize(1);
        assertThat(result.warnings().get(0))
                .contains(key + "=" + value)
                .contains("system property")
                .contains(expected)
                .contains("using ");
    }

    @Test
    void aBadMaxTotalFallsBackToTheProfileAndSaysSo() {
        properties.setProperty("redis.pool.env", "production");
        properties.setProperty("redis.pool.maxTotal", "banana");

        ConfigResolver.Result result = resolve(null);

        assertThat(result.config().sizing().get(PoolSetting.MAX_TOTAL)).isEqualTo(160L);
        assertThat(result.warnings())
                .containsExactly("redis.pool.maxTotal=banana (system property) is not valid:"
                        + " expected a whole number from 1 to 100000; using 160 (production profile)");
    }

    @Test
    void aBadValueFallsBackToTheNextSourceThatIsValid() {
        properties.setProperty("redis.pool.maxTotal", "banana");
        environment.put("REDIS_POOL_MAX_TOTAL", "50");

        ConfigResolver.Result result = resolve(null);

        assertThat(result.config().sizing().get(PoolSetting.MAX_TOTAL)).isEqualTo(50L);
        assertThat(result.warnings())
                .singleElement()
                .asString()
                .endsWith("using 50 (environment variable REDIS_POOL_MAX_TOTAL)");
    }

    @Test
    void anUnknownEnvironmentFallsBackToObserveMode() {
        properties.setProperty("redis.pool.env", "prodution");

        ConfigResolver.Result result = resolve(null);

        assertThat(result.config().environment()).isNull();
        assertThat(result.config().mode()).isEqualTo(Mode.OBSERVE);
        assertThat(result.warnings())
                .singleElement()
                .asString()
                .contains("redis.pool.env=prodution")
                .contains("development, staging or production")
                .contains("observe mode");
    }

    @Test
    void anUnknownKeySuggestsTheNearestKnownKey() {
        properties.setProperty("redis.pool.maxTotl", "5");

        ConfigResolver.Result result = resolve(null);

        assertThat(result.warnings())
                .singleElement()
                .asString()
                .contains("redis.pool.maxTotl=5")
                .contains("did you mean redis.pool.maxTotal?");
    }

    @Test
    void anUnknownKeyFarFromAnyKnownOnePointsToTheConfigCommand() {
        properties.setProperty("redis.pool.colour", "blue");

        assertThat(resolve(null).warnings())
                .singleElement()
                .asString()
                .contains("redis.pool.colour=blue")
                .contains("java -jar redis-pool-agent.jar config");
    }

    @Test
    void anUnknownEnvironmentVariableSuggestsTheNearestKnownOne() {
        environment.put("REDIS_POOL_MAX_TOTL", "5");

        assertThat(resolve(null).warnings())
                .singleElement()
                .asString()
                .contains("REDIS_POOL_MAX_TOTL")
                .contains("did you mean REDIS_POOL_MAX_TOTAL?");
    }

    @Test
    void anAgentArgumentWithoutEqualsSignIsReportedAndTheRestStillApply() {
        ConfigResolver.Result result = resolve("env=production,maxTotal,minIdle=3");

        assertThat(result.config().sizing().get(PoolSetting.MIN_IDLE)).isEqualTo(3L);
        assertThat(result.warnings()).singleElement().asString().contains("'maxTotal' is not key=value");
    }

    @Test
    void aNonPoolKeyCannotBeSetPerPool() {
        properties.setProperty("redis.pool.env[cache:6379/0]", "production");

        assertThat(resolve(null).warnings())
                .singleElement()
                .asString()
                .contains("redis.pool.env[cache:6379/0]=production")
                .contains("cannot be set per pool");
    }

    @Test
    void anExplicitMinIdleAboveMaxIdleIsCappedWithAWarning() {
        properties.setProperty("redis.pool.maxIdle", "10");
        properties.setProperty("redis.pool.minIdle", "50");

        ConfigResolver.Result result = resolve(null);

        assertThat(result.config().sizing().get(PoolSetting.MIN_IDLE)).isEqualTo(10L);
        assertThat(result.warnings())
                .singleElement()
                .asString()
                .contains("minIdle=50")
                .contains("using 10");
    }
}

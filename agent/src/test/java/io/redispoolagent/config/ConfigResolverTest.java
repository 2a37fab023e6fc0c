package io.redispoolagent.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.log.AgentLog;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConfigResolverTest {

    private String agentArguments;
    private final Properties properties = new Properties();
    private final Map<String, String> environment = new HashMap<>();

    private ConfigResolver.Result resolve() {
        return ConfigResolver.resolve(agentArguments, properties, environment);
    }

    private AgentConfig config() {
        ConfigResolver.Result result = resolve();
        assertThat(result.warnings()).isEmpty();
        return result.config();
    }

    private String value(AgentConfig config, String key) {
        return config.values().stream()
                .filter(v -> v.key().equals(key))
                .findFirst()
                .get()
                .value();
    }

    private String origin(AgentConfig config, String key) {
        return config.values().stream()
                .filter(v -> v.key().equals(key))
                .findFirst()
                .get()
                .origin();
    }

    @Test
    void withNoEnvironmentNamedTheAgentObservesAndManagesNoSetting() {
        AgentConfig config = config();

        assertThat(config.environment()).isNull();
        assertThat(config.mode()).isEqualTo(Mode.OBSERVE);
        assertThat(config.sizing().get(PoolSetting.MAX_TOTAL)).isNull();
        assertThat(config.sizing().get(PoolSetting.MAX_WAIT)).isNull();
    }

    @Test
    void anEnvironmentNamedSelectsItsProfileInEnforceMode() {
        properties.setProperty("redis.pool.env", "production");

        AgentConfig config = config();

        assertThat(config.mode()).isEqualTo(Mode.ENFORCE);
        assertThat(config.sizing().get(PoolSetting.MAX_TOTAL)).isEqualTo(160L);
        assertThat(config.sizing().get(PoolSetting.MAX_IDLE)).isEqualTo(160L);
        assertThat(config.sizing().get(PoolSetting.MIN_IDLE)).isEqualTo(16L);
        assertThat(config.sizing().get(PoolSetting.MAX_WAIT)).isEqualTo(1_000L);
        assertThat(config.sizing().get(PoolSetting.TEST_WHILE_IDLE)).isEqualTo(1L);
        assertThat(config.sizing().get(PoolSetting.EVICTION_INTERVAL)).isEqualTo(30_000L);
    }

    @Test
    void environmentNamesAcceptShortAliasesInAnyCase() {
        properties.setProperty("redis.pool.env", "DEV");
        assertThat(config().sizing().get(PoolSetting.MAX_TOTAL)).isEqualTo(20L);
        properties.setProperty("redis.pool.env", "Stage");
        assertThat(config().sizing().get(PoolSetting.MAX_TOTAL)).isEqualTo(60L);
        properties.setProperty("redis.pool.env", "prod");
        assertThat(config().sizing().get(PoolSetting.MAX_TOTAL)).isEqualTo(160L);
    }

    @Test
    void agentArgumentsBeatSystemPropertiesWhichBeatEnvironmentVariables() {
        agentArguments = "maxTotal=300";
        properties.setProperty("redis.pool.maxTotal", "200");
        properties.setProperty("redis.pool.minIdle", "7");
        environment.put("REDIS_POOL_MAX_TOTAL", "100");
        environment.put("REDIS_POOL_MIN_IDLE", "5");
        environment.put("REDIS_POOL_MAX_WAIT", "250ms");

        AgentConfig config = config();

        assertThat(config.sizing().get(PoolSetting.MAX_TOTAL)).isEqualTo(300L);
        assertThat(config.sizing().get(PoolSetting.MIN_IDLE)).isEqualTo(7L);
        assertThat(config.sizing().get(PoolSetting.MAX_WAIT)).isEqualTo(250L);
        assertThat(origin(config, "redis.pool.maxTotal")).isEqualTo("agent argument");
        assertThat(origin(config, "redis.pool.minIdle")).isEqualTo("system property");
        assertThat(origin(config, "redis.pool.maxWait")).isEqualTo("environment variable REDIS_POOL_MAX_WAIT");
    }

    @Test
    void explicitValuesBeatTheProfile() {
        properties.setProperty("redis.pool.env", "production");
        properties.setProperty("redis.pool.maxWait", "2s");

        assertThat(config().sizing().get(PoolSetting.MAX_WAIT)).isEqualTo(2_000L);
    }

    @Test
    void agentArgumentsMayUseFullOrShortKeyNames() {
        agentArguments = "redis.pool.env=staging, maxTotal=70 ,log.level=debug";

        AgentConfig config = config();

        assertThat(config.environment()).isEqualTo(Environment.STAGING);
        assertThat(config.sizing().get(PoolSetting.MAX_TOTAL)).isEqualTo(70L);
        assertThat(config.logLevel()).isEqualTo(AgentLog.Level.DEBUG);
    }

    @Test
    void deploymentEnvNamesTheEnvironmentWhenNothingElseDoes() {
        environment.put("DEPLOYMENT_ENV", "staging");

        AgentConfig config = config();

        assertThat(config.environment()).isEqualTo(Environment.STAGING);
        assertThat(origin(config, "redis.pool.env")).isEqualTo("environment variable DEPLOYMENT_ENV");
    }

    @Test
    void redisPoolEnvBeatsDeploymentEnv() {
        environment.put("DEPLOYMENT_ENV", "staging");
        environment.put("REDIS_POOL_ENV", "development");

        assertThat(config().environment()).isEqualTo(Environment.DEVELOPMENT);
    }

    @Test
    void environmentVariablesMayOmitTheUnderscoresBetweenWords() {
        environment.put("REDIS_POOL_MAXTOTAL", "42");

        assertThat(config().sizing().get(PoolSetting.MAX_TOTAL)).isEqualTo(42L);
    }

    @Test
    void durationsAcceptMillisecondsSecondsAndMinutes() {
        properties.setProperty("redis.pool.maxWait", "250ms");
        properties.setProperty("redis.pool.evictionInterval", "1m");
        assertThat(config().sizing().get(PoolSetting.MAX_WAIT)).isEqualTo(250L);
        assertThat(config().sizing().get(PoolSetting.EVICTION_INTERVAL)).isEqualTo(60_000L);
        properties.setProperty("redis.pool.maxWait", "2s");
        assertThat(config().sizing().get(PoolSetting.MAX_WAIT)).isEqualTo(2_000L);
        properties.setProperty("redis.pool.maxWait", "1500");
        assertThat(config().sizing().get(PoolSetting.MAX_WAIT)).isEqualTo(1_500L);
    }

    @Test
    void maxIdleFollowsAnExplicitMaxTotalUnlessSetItself() {
        properties.setProperty("redis.pool.env", "production");
        properties.setProperty("redis.pool.maxTotal", "200");

        AgentConfig config = config();

        assertThat(config.sizing().get(PoolSetting.MAX_IDLE)).isEqualTo(200L);
        assertThat(origin(config, "redis.pool.maxIdle")).isEqualTo("same as maxTotal");
    }

    @Test
    void theProfilesMinIdleIsCappedAtASmallerMaxIdle() {
        properties.setProperty("redis.pool.env", "production");
        properties.setProperty("redis.pool.maxTotal", "10");

        AgentConfig config = config();

        assertThat(config.sizing().get(PoolSetting.MIN_IDLE)).isEqualTo(10L);
        assertThat(origin(config, "redis.pool.minIdle")).isEqualTo("production profile, capped at maxIdle");
    }

    @Test
    void aPoolOverrideNamesThePoolInBracketsAndSurvivesDotsAndColons() {
        properties.setProperty("redis.pool.env", "production");
        properties.setProperty("redis.pool.maxTotal[cache.prod.internal:6379/2]", "40");

        AgentConfig config = config();

        assertThat(config.sizingFor("cache.prod.internal:6379/2").get(PoolSetting.MAX_TOTAL))
                .isEqualTo(40L);
        assertThat(config.sizingFor("cache.prod.internal:6379/2").get(PoolSetting.MAX_IDLE))
                .isEqualTo(40L);
        assertThat(config.sizingFor("cache.prod.internal:6379/2").get(PoolSetting.MAX_WAIT))
                .isEqualTo(1_000L);
        assertThat(config.sizingFor("other:6379/0").get(PoolSetting.MAX_TOTAL)).isEqualTo(160L);
        assertThat(value(config, "redis.pool.maxTotal[cache.prod.internal:6379/2]"))
                .isEqualTo("40");
    }

    @Test
    void aPoolOverrideInAgentArgumentsWorksToo() {
        agentArguments = "env=dev,maxWait[10.0.0.5:6380/0]=300ms";

        assertThat(config().sizingFor("10.0.0.5:6380/0").get(PoolSetting.MAX_WAIT))
                .isEqualTo(300L);
    }

    @Test
    void theEffectiveConfigurationListsEveryKeyWithItsOrigin() {
        properties.setProperty("redis.pool.env", "staging");

        AgentConfig config = config();

        assertThat(config.values())
                .extracting(ConfigValue::key)
                .containsSubsequence(
                        "redis.pool.env",
                        "redis.pool.mode",
                        "redis.pool.maxTotal",
                        "redis.pool.maxIdle",
                        "redis.pool.minIdle",
                        "redis.pool.maxWait",
                        "redis.pool.testWhileIdle",
                        "redis.pool.evictionInterval",
                        "redis.pool.log.level");
        assertThat(value(config, "redis.pool.maxTotal")).isEqualTo("60");
        assertThat(origin(config, "redis.pool.maxTotal")).isEqualTo("staging profile");
        assertThat(value(config, "redis.pool.maxWait")).isEqualTo("2s");
    }

    @Test
    void resolvingFromNothingAtAllGivesTheDefaults() {
        ConfigResolver.Result result = ConfigResolver.resolve(null, new Properties(), Collections.emptyMap());

        assertThat(result.warnings()).isEmpty();
        assertThat(result.config().logLevel()).isEqualTo(AgentLog.Level.INFO);
    }
}

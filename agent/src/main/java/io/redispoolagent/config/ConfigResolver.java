package io.redispoolagent.config;

import io.redispoolagent.log.AgentLog;
import io.redispoolagent.retry.RetrySettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw sources into an {@link AgentConfig}. Never throws on user input: each bad value
 * becomes one warning naming the key, the value, what was expected and what is used instead.
 */
public final class ConfigResolver {

    /** {@code maxTotal[cache.internal:6379/0]}: brackets, because pool names hold dots and colons. */
    private static final Pattern POOL_OVERRIDE = Pattern.compile("(.+?)\\[(.+)]");

    private static final String NOT_SET = "not set: each pool keeps its own";

    private final List<String> warnings = new ArrayList<>();
    private final Map<ConfigKey, List<RawSetting>> global = new LinkedHashMap<>();
    private final Map<String, Map<ConfigKey, List<RawSetting>>> perPool = new LinkedHashMap<>();
    private final List<ConfigValue> values = new ArrayList<>();
    private final Map<ConfigKey, String> explicitOrigins = new LinkedHashMap<>();
    private final Map<ConfigKey, Object> chosen = new EnumMap<>(ConfigKey.class);

    private ConfigResolver() {}

    /** The outcome: the configuration, and the warnings to log once the log level is known. */
    public static final class Result {
        private final AgentConfig config;
        private final List<String> warnings;

        Result(AgentConfig config, List<String> warnings) {
            this.config = config;
            this.warnings = Collections.unmodifiableList(warnings);
        }

        public AgentConfig config() {
            return config;
        }

        public List<String> warnings() {
            return warnings;
        }
    }

    /** Resolves from this JVM's system properties and environment, with the given agent arguments. */
    public static Result fromRuntime(String agentArguments) {
        return resolve(agentArguments, System.getProperties(), System.getenv());
    }

    public static Result resolve(String agentArguments, Properties systemProperties, Map<String, String> environment) {
        ConfigSources sources = ConfigSources.collect(agentArguments, systemProperties, environment);
        ConfigResolver resolver = new ConfigResolver();
        resolver.warnings.addAll(sources.warnings());
        for (RawSetting setting : sources.settings()) {
            resolver.classify(setting);
        }
        return new Result(resolver.build(), resolver.warnings);
    }

    private void classify(RawSetting setting) {
        Matcher override = POOL_OVERRIDE.matcher(setting.name);
        String keyName = override.matches() ? override.group(1) : setting.name;
        ConfigKey key = ConfigKey.find(keyName);
        if (key == null) {
            warnUnknown(setting, keyName);
        } else if (!override.matches()) {
            candidates(global, key).add(setting);
        } else if (key.isPoolSetting()) {
            Map<ConfigKey, List<RawSetting>> pool = perPool.get(override.group(2));
            if (pool == null) {
                pool = new LinkedHashMap<>();
                perPool.put(override.group(2), pool);
            }
            candidates(pool, key).add(setting);
        } else {
            warnings.add(setting.quoted() + ": " + key.key() + " cannot be set per pool, only pool settings can"
                    + " (maxTotal, maxIdle, minIdle, maxWait, testWhileIdle, evictionInterval); ignoring it");
        }
    }

    private void warnUnknown(RawSetting setting, String keyName) {
        String shortName =
                keyName.startsWith(ConfigKey.PREFIX) ? keyName.substring(ConfigKey.PREFIX.length()) : keyName;
        ConfigKey nearest = KeySuggester.nearest(shortName);
        warnings.add(setting.quoted() + " is not a redis-pool-agent setting; "
                + (nearest == null
                        ? "run 'java -jar redis-pool-agent.jar config' to list them"
                        : "did you mean " + nearest.key() + "?")
                + " Ignoring it");
    }

    private static List<RawSetting> candidates(Map<ConfigKey, List<RawSetting>> byKey, ConfigKey key) {
        List<RawSetting> list = byKey.get(key);
        if (list == null) {
            list = new ArrayList<>();
            byKey.put(key, list);
        }
        return list;
    }

    private AgentConfig build() {
        Pick env = pick(ConfigKey.ENV, null, "no environment (observe mode: pools are left as they are)");
        Environment environment = (Environment) env.value;
        show(ConfigKey.ENV, env, "none");

        Pick mode = pick(
                ConfigKey.MODE,
                environment == null ? Mode.OBSERVE : Mode.ENFORCE,
                environment == null ? "default: no environment named" : "default with an environment");
        show(ConfigKey.MODE, mode, null);

        PoolSettings profile = environment == null ? PoolSettings.NONE : environment.profile();
        String profileOrigin = environment == null ? null : environment.displayName() + " profile";
        PoolSettings explicit = explicitPoolSettings(global, profile, profileOrigin);
        PoolSettings effective = SizingDefaults.complete(explicit, profile);
        for (ConfigKey key : ConfigKey.values()) {
            PoolSetting setting = PoolSetting.of(key);
            if (setting != null) {
                showPoolSetting(setting, explicit, profile, effective, profileOrigin);
            }
        }

        Pick logLevel = pick(ConfigKey.LOG_LEVEL, AgentLog.Level.INFO, "default");
        show(ConfigKey.LOG_LEVEL, logLevel, null);

        Map<String, PoolSettings> pools = new LinkedHashMap<>();
        for (String poolName : perPool.keySet()) {
            PoolSettings own = explicitPoolSettings(perPool.get(poolName), poolName);
            pools.put(poolName, SizingDefaults.complete(own.over(explicit), profile));
        }
        warnIfMinIdleAboveMaxIdle(explicit, effective);
        RetrySettings retry = retrySettings((Mode) mode.value);
        Pick statusPort = pick(ConfigKey.STATUS_PORT, null, "not set: no status view");
        show(ConfigKey.STATUS_PORT, statusPort, "off");
        Pick statusHost = pick(ConfigKey.STATUS_HOST, AgentConfig.DEFAULT_STATUS_HOST, "default: this machine only");
        show(ConfigKey.STATUS_HOST, statusHost, null);
        show(ConfigKey.LEAK_THRESHOLD, pick(ConfigKey.LEAK_THRESHOLD, null, "not set: no leak detection"), "off");
        return new AgentConfig(effective, pools, values, retry, chosen);
    }

    /** The {@code retry.*} keys: each user value or its default, shown like the other keys. */
    private RetrySettings retrySettings(Mode mode) {
        boolean observe = mode == Mode.OBSERVE;
        Pick enabled = pick(
                ConfigKey.RETRY_ENABLED,
                !observe,
                observe ? "default: off in observe mode" : "default: on in " + mode.displayName() + " mode");
        show(ConfigKey.RETRY_ENABLED, enabled, null);
        RetrySettings.Builder retry = RetrySettings.builder()
                .enabled((Boolean) enabled.value)
                .maxAttempts((Integer) retryValue(ConfigKey.RETRY_MAX_ATTEMPTS, RetrySettings.DEFAULT_MAX_ATTEMPTS))
                .initialBackoffMillis((Long)
                        retryValue(ConfigKey.RETRY_INITIAL_BACKOFF, RetrySettings.DEFAULT_INITIAL_BACKOFF_MILLIS))
                .maxBackoffMillis(
                        (Long) retryValue(ConfigKey.RETRY_MAX_BACKOFF, RetrySettings.DEFAULT_MAX_BACKOFF_MILLIS))
                .multiplier((Double) retryValue(ConfigKey.RETRY_MULTIPLIER, RetrySettings.DEFAULT_MULTIPLIER))
                .jitter((Boolean) retryValue(ConfigKey.RETRY_JITTER, RetrySettings.DEFAULT_JITTER))
                .deadlineMillis((Long) retryValue(ConfigKey.RETRY_DEADLINE, RetrySettings.DEFAULT_DEADLINE_MILLIS))
                .budgetRatio((Double) retryValue(ConfigKey.RETRY_BUDGET, RetrySettings.DEFAULT_BUDGET_RATIO))
                .budgetMinPerSecond((Integer)
                        retryValue(ConfigKey.RETRY_BUDGET_MIN_PER_SECOND, RetrySettings.DEFAULT_BUDGET_MIN_PER_SECOND));
        @SuppressWarnings("unchecked")
        List<String> idempotent = (List<String>) retryValue(ConfigKey.RETRY_IDEMPOTENT, Collections.emptyList());
        @SuppressWarnings("unchecked")
        List<String> never = (List<String>) retryValue(ConfigKey.RETRY_NEVER, Collections.emptyList());
        return retry.idempotent(idempotent).never(never).build();
    }

    private Object retryValue(ConfigKey key, Object fallback) {
        Pick pick = pick(key, fallback, "default");
        show(key, pick, null);
        return pick.value;
    }

    /** The values the user set for all pools; a rejected one falls back to the profile. */
    private PoolSettings explicitPoolSettings(
            Map<ConfigKey, List<RawSetting>> byKey, PoolSettings profile, String profileOrigin) {
        PoolSettings.Builder builder = PoolSettings.builder();
        for (ConfigKey key : ConfigKey.values()) {
            PoolSetting setting = PoolSetting.of(key);
            if (setting != null && byKey.containsKey(key)) {
                Long fromProfile = profile.get(setting);
                Pick pick = pick(
                        byKey.get(key),
                        key,
                        fromProfile == null ? null : setting.toValue(fromProfile),
                        profileOrigin == null ? "the pool's own value" : profileOrigin);
                if (pick.fromUser) {
                    builder.set(setting, setting.toLong(pick.value));
                    explicitOrigins.put(key, pick.origin);
                }
            }
        }
        return builder.build();
    }

    /** The values the user set for one pool; a rejected one falls back to the value for all pools. */
    private PoolSettings explicitPoolSettings(Map<ConfigKey, List<RawSetting>> byKey, String poolName) {
        PoolSettings.Builder builder = PoolSettings.builder();
        for (Map.Entry<ConfigKey, List<RawSetting>> entry : byKey.entrySet()) {
            ConfigKey key = entry.getKey();
            Pick pick = pick(entry.getValue(), key, null, "the value for all pools");
            if (pick.fromUser) {
                PoolSetting setting = PoolSetting.of(key);
                builder.set(setting, setting.toLong(pick.value));
                values.add(new ConfigValue(key.key() + "[" + poolName + "]", key.format(pick.value), pick.origin));
            }
        }
        return builder.build();
    }

    private void showPoolSetting(
            PoolSetting setting,
            PoolSettings explicit,
            PoolSettings profile,
            PoolSettings effective,
            String profileOrigin) {
        ConfigKey key = setting.key();
        Long value = effective.get(setting);
        String origin;
        if (value == null) {
            origin = NOT_SET;
        } else if (explicit.get(setting) != null) {
            origin = explicitOrigins.get(key);
        } else if (setting == PoolSetting.MAX_IDLE) {
            origin = "same as maxTotal";
        } else if (!value.equals(profile.get(setting))) {
            origin = profileOrigin + ", capped at maxIdle";
        } else {
            origin = profileOrigin;
        }
        values.add(new ConfigValue(key.key(), setting.describe(value), origin));
    }

    private void warnIfMinIdleAboveMaxIdle(PoolSettings explicit, PoolSettings effective) {
        Long asked = explicit.get(PoolSetting.MIN_IDLE);
        if (asked != null && !asked.equals(effective.get(PoolSetting.MIN_IDLE))) {
            warnings.add(ConfigKey.MIN_IDLE.key() + "=" + asked + " is above maxIdle "
                    + effective.get(PoolSetting.MAX_IDLE) + "; using " + effective.get(PoolSetting.MIN_IDLE));
        }
    }

    /** Lists the key with its value and origin, and keeps the value for {@link AgentConfig}. */
    private void show(ConfigKey key, Pick pick, String absent) {
        if (pick.value != null) {
            chosen.put(key, pick.value);
        }
        values.add(new ConfigValue(key.key(), pick.value == null ? absent : key.format(pick.value), pick.origin));
    }

    private Pick pick(ConfigKey key, Object fallback, String fallbackOrigin) {
        List<RawSetting> candidates = global.get(key);
        return pick(
                candidates == null ? Collections.<RawSetting>emptyList() : candidates, key, fallback, fallbackOrigin);
    }

    /** The first valid candidate, or the fallback; one warning for each invalid candidate passed over. */
    private Pick pick(List<RawSetting> candidates, ConfigKey key, Object fallback, String fallbackOrigin) {
        List<RawSetting> rejected = new ArrayList<>();
        Pick chosen = null;
        for (RawSetting candidate : candidates) {
            Object value = key.type().parse(candidate.value);
            if (value != null) {
                chosen = new Pick(value, candidate.origin, true);
                break;
            }
            rejected.add(candidate);
        }
        if (chosen == null) {
            chosen = new Pick(fallback, fallbackOrigin, false);
        }
        String instead = chosen.value == null ? fallbackOrigin : key.format(chosen.value) + " (" + chosen.origin + ")";
        for (RawSetting bad : rejected) {
            warnings.add(bad.quoted() + " is not valid: expected " + key.type().expected() + "; using " + instead);
        }
        return chosen;
    }

    private static final class Pick {
        final Object value;
        final String origin;
        final boolean fromUser;

        Pick(Object value, String origin, boolean fromUser) {
            this.value = value;
            this.origin = origin;
            this.fromUser = fromUser;
        }
    }
}

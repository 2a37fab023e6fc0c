package io.redispoolagent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Collects the raw key=value pairs from every source, highest precedence first: agent arguments,
 * system properties {@code redis.pool.*}, environment variables {@code REDIS_POOL_*} and
 * {@code DEPLOYMENT_ENV}.
 */
final class ConfigSources {

    static final String AGENT_ARGUMENT = "agent argument";
    static final String SYSTEM_PROPERTY = "system property";
    private static final String ENV_PREFIX = "REDIS_POOL_";
    private static final String DEPLOYMENT_ENV = "DEPLOYMENT_ENV";

    private final List<RawSetting> settings = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private ConfigSources() {}

    static ConfigSources collect(String agentArguments, Properties systemProperties, Map<String, String> environment) {
        ConfigSources sources = new ConfigSources();
        sources.addAgentArguments(agentArguments);
        sources.addSystemProperties(systemProperties);
        sources.addEnvironment(environment);
        return sources;
    }

    List<RawSetting> settings() {
        return settings;
    }

    /** Problems found while splitting the sources, before any value is checked. */
    List<String> warnings() {
        return warnings;
    }

    private void addAgentArguments(String arguments) {
        if (arguments == null || arguments.trim().isEmpty()) {
            return;
        }
        for (String pair : arguments.split(",")) {
            String trimmed = pair.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                warnings.add("agent argument '" + trimmed + "' is not key=value (as in env=production,maxTotal=200);"
                        + " ignoring it");
                continue;
            }
            String name = trimmed.substring(0, equals).trim();
            settings.add(new RawSetting(
                    name.startsWith(ConfigKey.PREFIX) ? name : ConfigKey.PREFIX + name,
                    trimmed.substring(equals + 1).trim(),
                    AGENT_ARGUMENT));
        }
    }

    private void addSystemProperties(Properties properties) {
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(ConfigKey.PREFIX)) {
                settings.add(new RawSetting(name, properties.getProperty(name), SYSTEM_PROPERTY));
            }
        }
    }

    private void addEnvironment(Map<String, String> environment) {
        RawSetting deploymentEnv = null;
        // Sorted, so that two spellings of one key (MAX_TOTAL, MAXTOTAL) resolve the same way every time.
        for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
            String name = variable.getKey();
            String origin = "environment variable " + name;
            if (DEPLOYMENT_ENV.equals(name)) {
                deploymentEnv = new RawSetting(ConfigKey.ENV.key(), variable.getValue(), origin);
            } else if (name.startsWith(ENV_PREFIX)) {
                addEnvironmentVariable(name, variable.getValue(), origin);
            }
        }
        // DEPLOYMENT_ENV is the generic name the source services used: REDIS_POOL_ENV beats it.
        if (deploymentEnv != null) {
            settings.add(deploymentEnv);
        }
    }

    private void addEnvironmentVariable(String name, String value, String origin) {
        String suffix = name.substring(ENV_PREFIX.length());
        ConfigKey key = ConfigKey.findByEnvironmentSuffix(suffix);
        if (key != null) {
            settings.add(new RawSetting(key.key(), value, origin));
            return;
        }
        ConfigKey nearest = KeySuggester.nearest(suffix.replace("_", ""));
        warnings.add(origin + " is not a redis-pool-agent setting"
                + (nearest == null ? "" : "; did you mean " + nearest.environmentVariable() + "?") + " Ignoring it");
    }
}

package io.redispoolagent.config;

/** A resolved value and where it came from, as the {@code config} command shows it. */
public final class ConfigValue {

    private final String key;
    private final String value;
    private final String origin;

    ConfigValue(String key, String value, String origin) {
        this.key = key;
        this.value = value;
        this.origin = origin;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    public String origin() {
        return origin;
    }
}

package io.redispoolagent.config;

/** One key=value pair as the user wrote it, and where it came from. */
final class RawSetting {

    final String name;
    final String value;
    final String origin;

    RawSetting(String name, String value, String origin) {
        this.name = name;
        this.value = value;
        this.origin = origin;
    }

    /** How the pair is quoted back to the user in warnings. */
    String quoted() {
        return name + "=" + value + " (" + origin + ")";
    }
}

package io.redispoolagent.config;

import java.util.Locale;

/** How the agent treats the pools it finds. */
public enum Mode {
    /** Applies the profile and the overrides, up or down. */
    ENFORCE,
    /** Only raises what is below the profile; never shrinks or shortens what the application chose. */
    FLOOR,
    /** Changes nothing (no resizing, no retry): only measures. */
    OBSERVE;

    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Mode parse(String text) {
        for (Mode mode : values()) {
            if (mode.name().equalsIgnoreCase(text.trim())) {
                return mode;
            }
        }
        return null;
    }
}

package io.redispoolagent.sample.load;

import java.util.Locale;

/** The three calls of a virtual user's cycle. */
public enum Endpoint {
    LOGIN,
    VERIFY,
    LOGOUT;

    /** "login", "verify", "logout": the JSON key and the path without the slash. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}

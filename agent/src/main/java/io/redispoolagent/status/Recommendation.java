package io.redispoolagent.status;

import java.util.Locale;

/** One finding about a pool: how bad, a stable code for scripts, and a sentence for people. */
final class Recommendation {

    enum Severity {
        CRITICAL,
        WARNING,
        INFO;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    final Severity severity;
    final String code;
    final String message;

    Recommendation(Severity severity, String code, String message) {
        this.severity = severity;
        this.code = code;
        this.message = message;
    }

    @Override
    public String toString() {
        return severity.label() + " " + code + ": " + message;
    }
}

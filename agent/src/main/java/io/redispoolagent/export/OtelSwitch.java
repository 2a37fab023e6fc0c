package io.redispoolagent.export;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Whether the {@code otel.*} settings ask for any metrics export at all, read the way the SDK reads
 * them (a system property over its {@code OTEL_*} variable) but without the SDK: when the answer is no,
 * the agent loads none of the SDK's classes (218 of them, which cost a small service 0.06 to 0.1 s of
 * CPU and 2 MiB for nothing, measured whole-process with and without).
 */
final class OtelSwitch {

    private OtelSwitch() {}

    /** False when {@code otel.sdk.disabled} is true or every {@code otel.metrics.exporter} is {@code none}. */
    static boolean exportsMetrics(Properties systemProperties, Map<String, String> environment) {
        if ("true".equals(setting("otel.sdk.disabled", systemProperties, environment))) {
            return false;
        }
        String exporters = setting("otel.metrics.exporter", systemProperties, environment);
        if (exporters == null) {
            return true;
        }
        for (String exporter : exporters.split(",")) {
            if (!exporter.trim().isEmpty() && !exporter.trim().equals("none")) {
                return true;
            }
        }
        // An empty list is the SDK's default (otlp), not "none".
        return exporters.trim().isEmpty();
    }

    /** A setting as the SDK reads it, trimmed and lower-cased, or null when it is not set. */
    static String setting(String key, Properties systemProperties, Map<String, String> environment) {
        String value = systemProperties.getProperty(key);
        if (value == null) {
            value = environment.get(key.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}

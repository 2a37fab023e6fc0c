package io.redispoolagent.export;

import java.net.BindException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Says in one line why the OpenTelemetry export could not start. The SDK wraps what went wrong in a
 * {@code ConfigurationException: Unexpected configuration error}; the user needs the setting, its value
 * and the cause underneath.
 */
final class OtelStartFailure {

    private static final String TAIL =
            "; the application runs on, and the pools are still measured (Micrometer, status view)";

    private OtelStartFailure() {}

    static String describe(Throwable failure, Properties systemProperties, Map<String, String> environment) {
        Throwable root = failure;
        boolean inUse = root instanceof BindException;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            inUse |= root instanceof BindException;
        }
        String cause = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String port = OtelSwitch.setting(OtelExporter.PROMETHEUS_PORT, systemProperties, environment);
        if (inUse) {
            String host = OtelSwitch.setting(OtelExporter.PROMETHEUS_HOST, systemProperties, environment);
            Object shownPort = port == null ? OtelExporter.DEFAULT_PROMETHEUS_PORT : port;
            Object shownHost = host == null ? OtelExporter.defaults().get(OtelExporter.PROMETHEUS_HOST) : host;
            return "metrics: the Prometheus exporter cannot listen on " + shownHost + ":" + shownPort + " ("
                    + OtelExporter.PROMETHEUS_PORT + "=" + shownPort + "): the address is in use by another process ("
                    + cause + ")" + TAIL + ". Choose a free port with -D" + OtelExporter.PROMETHEUS_PORT;
        }
        if (port != null && cause.toLowerCase(Locale.ROOT).contains("port out of range")) {
            return "metrics: " + OtelExporter.PROMETHEUS_PORT + "=" + port + " is not a port (0 to 65535; " + cause
                    + ")" + TAIL;
        }
        return "metrics: the OpenTelemetry export could not start: "
                + root.getClass().getName() + ": " + cause + TAIL;
    }
}

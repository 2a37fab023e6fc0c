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

    private static final String PROMETHEUS_PORT = "otel.exporter.prometheus.port";
    private static final String PROMETHEUS_HOST = "otel.exporter.prometheus.host";

    private OtelStartFailure() {}

    static String describe(Throwable failure, Properties systemProperties, Map<String, String> environment) {
        Throwable root = failure;
        boolean inUse = false;
        while (root.getCause() != null && root.getCause() != root) {
            inUse |= root instanceof BindException;
            root = root.getCause();
        }
        inUse |= root instanceof BindException;
        String port = OtelSwitch.setting(PROMETHEUS_PORT, systemProperties, environment);
        String cause = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String tail = "; the application runs on, and the pools are still measured (Micrometer, status view)";
        if (inUse) {
            String host = OtelSwitch.setting(PROMETHEUS_HOST, systemProperties, environment);
            return "metrics: the Prometheus exporter cannot listen on " + (host == null ? "127.0.0.1" : host) + ":"
                    + (port == null ? "9464" : port) + " (" + PROMETHEUS_PORT + "=" + (port == null ? "9464" : port)
                    + "): the address is in use by another process (" + cause + ")" + tail
                    + ". Choose a free port with -D" + PROMETHEUS_PORT;
        }
        if (port != null && cause.toLowerCase(Locale.ROOT).contains("port out of range")) {
            return "metrics: " + PROMETHEUS_PORT + "=" + port + " is not a port (0 to 65535; " + cause + ")" + tail;
        }
        return "metrics: the OpenTelemetry export could not start: "
                + root.getClass().getName() + ": " + cause + tail;
    }
}

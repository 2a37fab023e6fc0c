package io.redispoolagent.it.metrics;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** An OTLP/HTTP (protobuf) metrics receiver on a free loopback port, keeping every request it got. */
final class OtlpReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<ExportMetricsServiceRequest> requests = new CopyOnWriteArrayList<>();

    OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/metrics", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                requests.add(ExportMetricsServiceRequest.parseFrom(body.readAllBytes()));
            }
            byte[] response = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The newest request that carries the metric, or null. */
    ExportMetricsServiceRequest latestWith(String metricName) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (!metrics(requests.get(i), metricName).isEmpty()) {
                return requests.get(i);
            }
        }
        return null;
    }

    /** Whether any request so far carried a scope whose name passes {@code test}. */
    boolean anyScope(java.util.function.Predicate<String> test) {
        for (ExportMetricsServiceRequest request : requests) {
            for (ResourceMetrics resource : request.getResourceMetricsList()) {
                for (ScopeMetrics scope : resource.getScopeMetricsList()) {
                    if (test.test(scope.getScope().getName())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static List<Metric> metrics(ExportMetricsServiceRequest request, String name) {
        List<Metric> found = new ArrayList<>();
        for (ResourceMetrics resource : request.getResourceMetricsList()) {
            for (ScopeMetrics scope : resource.getScopeMetricsList()) {
                for (Metric metric : scope.getMetricsList()) {
                    if (metric.getName().equals(name)) {
                        found.add(metric);
                    }
                }
            }
        }
        return found;
    }

    static Metric metric(ExportMetricsServiceRequest request, String name) {
        List<Metric> found = metrics(request, name);
        if (found.size() != 1) {
            throw new AssertionError("expected one metric " + name + ", found " + found.size() + " in " + request);
        }
        return found.get(0);
    }

    /** The value of the sum point of {@code name} whose attributes include {@code attributes}. */
    static long sumValue(ExportMetricsServiceRequest request, String name, Map<String, String> attributes) {
        List<Long> values = new ArrayList<>();
        for (NumberDataPoint point : metric(request, name).getSum().getDataPointsList()) {
            if (matches(point.getAttributesList(), attributes)) {
                values.add(point.getAsInt());
            }
        }
        if (values.size() != 1) {
            throw new AssertionError("expected one point of " + name + attributes + ", found " + values);
        }
        return values.get(0);
    }

    static boolean matches(List<KeyValue> actual, Map<String, String> wanted) {
        for (Map.Entry<String, String> entry : wanted.entrySet()) {
            boolean found = false;
            for (KeyValue keyValue : actual) {
                if (keyValue.getKey().equals(entry.getKey()) && render(keyValue).equals(entry.getValue())) {
                    found = true;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    static String render(KeyValue keyValue) {
        return keyValue.getValue().hasIntValue()
                ? String.valueOf(keyValue.getValue().getIntValue())
                : keyValue.getValue().getStringValue();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

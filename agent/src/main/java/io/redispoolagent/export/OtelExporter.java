package io.redispoolagent.export;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.api.metrics.ObservableMeasurement;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentSelector;
import io.opentelemetry.sdk.metrics.View;
import io.redispoolagent.AgentVersion;
import io.redispoolagent.log.AgentLog;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Exports the pool figures through an OpenTelemetry SDK of the agent's own (shaded, never the
 * global one), configured by the standard {@code otel.*} properties and {@code OTEL_*} variables.
 *
 * <p>Gauges and counters are asynchronous instruments read in one batch callback per collection;
 * the histograms come from {@link OtelHistograms}. Both read the pools through one {@link PoolCollector}.
 */
final class OtelExporter {

    static final String SCOPE = "io.redispoolagent";
    static final String PROMETHEUS_PORT = "otel.exporter.prometheus.port";
    static final String PROMETHEUS_HOST = "otel.exporter.prometheus.host";
    /** The SDK's own default Prometheus port. */
    static final int DEFAULT_PROMETHEUS_PORT = 9464;

    /**
     * The agent's defaults, below system properties and environment variables. No trace or log
     * exporter (this SDK carries metrics only), OTLP over HTTP/protobuf like the OpenTelemetry Java
     * agent 2.x (one collector port for both agents), and a Prometheus endpoint, when asked for, on
     * the loopback interface only.
     */
    static Map<String, String> defaults() {
        Map<String, String> defaults = new HashMap<>();
        defaults.put("otel.exporter.otlp.protocol", "http/protobuf");
        defaults.put(PROMETHEUS_HOST, "127.0.0.1");
        return defaults;
    }

    /**
     * Settings imposed whatever the user set: {@code otel.traces.exporter} and {@code otel.logs.exporter}
     * usually configure the official OpenTelemetry agent beside ours; this SDK has no spans or logs to send.
     */
    static Map<String, String> overrides(ConfigProperties config) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("otel.traces.exporter", "none");
        overrides.put("otel.logs.exporter", "none");
        return overrides;
    }

    /** Instrument names of the SDK's own telemetry (legacy and semantic-convention generations). */
    private static final String[] SDK_SELF_METRICS = {"otlp.exporter.*", "otel.sdk.*"};

    private final OpenTelemetrySdk sdk;
    private final PoolCollector pools;

    private OtelExporter(OpenTelemetrySdk sdk, PoolCollector pools) {
        this.sdk = sdk;
        this.pools = pools;
    }

    /** Builds the SDK and its instruments, which read the pools through {@code pools}. */
    static OtelExporter start(PoolCollector pools) {
        ExportLog.captureShadedLogging(shadedPrefix());
        InstrumentationScopeInfo scope = InstrumentationScopeInfo.builder(SCOPE)
                .setVersion(AgentVersion.get())
                .build();
        OtelHistograms histograms = new OtelHistograms(pools, scope);
        final Map<String, String>[] effective = newMapArray();
        AutoConfiguredOpenTelemetrySdk configured = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(OtelExporter::defaults)
                .addPropertiesCustomizer(OtelExporter::overrides)
                .addMeterProviderCustomizer((builder, config) -> {
                    effective[0] = describe(config);
                    // The SDK's self-monitoring (exporter health) would go out under relocated scope
                    // names, beside the pool figures: this SDK exports the agent's metrics and nothing else.
                    for (String selfMetrics : SDK_SELF_METRICS) {
                        builder.registerView(
                                InstrumentSelector.builder()
                                        .setName(selfMetrics)
                                        .build(),
                                View.builder()
                                        .setAggregation(Aggregation.drop())
                                        .build());
                    }
                    return builder.registerMetricProducer(histograms);
                })
                .setServiceClassLoader(OtelExporter.class.getClassLoader())
                .disableShutdownHook()
                .build();
        OpenTelemetrySdk sdk = configured.getOpenTelemetrySdk();
        OtelExporter exporter = new OtelExporter(sdk, pools);
        exporter.registerInstruments();
        Runtime.getRuntime().addShutdownHook(new Thread(exporter::shutdown, "redis-pool-agent-telemetry-shutdown"));
        AgentLog.info("metrics: " + (effective[0] == null ? "OpenTelemetry SDK started" : summary(effective[0])));
        return exporter;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String>[] newMapArray() {
        return new Map[1];
    }

    private static Map<String, String> describe(ConfigProperties config) {
        Map<String, String> described = new LinkedHashMap<>();
        String exporters = config.getString("otel.metrics.exporter", "otlp");
        described.put("exporter", exporters);
        for (String exporter : exporters.split(",")) {
            String name = exporter.trim().toLowerCase(Locale.ROOT);
            if (name.equals("prometheus")) {
                described.put(
                        "prometheus",
                        "http://" + config.getString(PROMETHEUS_HOST, defaults().get(PROMETHEUS_HOST)) + ":"
                                + config.getInt(PROMETHEUS_PORT, DEFAULT_PROMETHEUS_PORT) + "/metrics");
            } else if (name.equals("otlp")) {
                String protocol = config.getString(
                        "otel.exporter.otlp.metrics.protocol",
                        config.getString("otel.exporter.otlp.protocol", "http/protobuf"));
                String endpoint = config.getString(
                        "otel.exporter.otlp.metrics.endpoint",
                        config.getString(
                                "otel.exporter.otlp.endpoint",
                                protocol.equals("grpc") ? "http://localhost:4317" : "http://localhost:4318"));
                described.put("otlp", protocol + " " + endpoint);
            }
        }
        described.put("interval", String.valueOf(config.getDuration("otel.metric.export.interval")));
        return described;
    }

    private static String summary(Map<String, String> described) {
        StringBuilder line = new StringBuilder("OpenTelemetry export");
        for (Map.Entry<String, String> entry : described.entrySet()) {
            if (entry.getKey().equals("interval") && "null".equals(entry.getValue())) {
                continue;
            }
            line.append(' ').append(entry.getKey()).append('=').append(entry.getValue());
        }
        return line.toString();
    }

    /** {@code io.redispoolagent.shaded}, computed so that relocation cannot rewrite it. */
    private static String shadedPrefix() {
        String sdkClass = OpenTelemetrySdk.class.getName();
        int at = sdkClass.indexOf("io.opentelemetry.");
        return at > 0 ? sdkClass.substring(0, at - 1) : "io.opentelemetry";
    }

    private void registerInstruments() {
        Meter meter = sdk.getMeterProvider()
                .meterBuilder(SCOPE)
                .setInstrumentationVersion(AgentVersion.get())
                .build();
        final Map<PoolMetric, ObservableMeasurement> observers = new LinkedHashMap<>();
        Map<String, ObservableMeasurement> byName = new HashMap<>();
        for (PoolMetric metric : PoolMetrics.all()) {
            ObservableMeasurement observer = byName.get(metric.name());
            if (observer == null) {
                observer = observer(meter, metric);
                if (observer == null) {
                    continue;
                }
                byName.put(metric.name(), observer);
            }
            observers.put(metric, observer);
        }
        if (observers.isEmpty()) {
            return;
        }
        ObservableMeasurement[] all = observers.values().toArray(new ObservableMeasurement[0]);
        meter.batchCallback(() -> observe(observers), all[0], java.util.Arrays.copyOfRange(all, 1, all.length));
    }

    private static ObservableMeasurement observer(Meter meter, PoolMetric metric) {
        switch (metric.type()) {
            case UP_DOWN_COUNTER:
                return meter.upDownCounterBuilder(metric.name())
                        .setUnit(metric.unit())
                        .setDescription(metric.description())
                        .buildObserver();
            case COUNTER:
                return meter.counterBuilder(metric.name())
                        .setUnit(metric.unit())
                        .setDescription(metric.description())
                        .buildObserver();
            case GAUGE:
                return meter.gaugeBuilder(metric.name())
                        .setUnit(metric.unit())
                        .setDescription(metric.description())
                        .buildObserver();
            default:
                return null; // histograms come from OtelHistograms
        }
    }

    private void observe(Map<PoolMetric, ObservableMeasurement> observers) {
        try {
            for (PoolSample sample : pools.samples()) {
                record(observers, sample, attributes(sample), "pool " + sample.name());
            }
            PoolSample unpooled = pools.unpooled();
            if (unpooled != null) {
                record(observers, unpooled, UNPOOLED_ATTRIBUTES, "commands of no pool");
            }
        } catch (RuntimeException | LinkageError failure) {
            ExportLog.warn("otel-observe", "telemetry: cannot read the pool figures", failure);
        }
    }

    /** Records a sample's figures; for the commands of no pool ({@code name == null}) only the ones that apply. */
    private static void record(
            Map<PoolMetric, ObservableMeasurement> observers, PoolSample sample, Attributes base, String what) {
        for (Map.Entry<PoolMetric, ObservableMeasurement> entry : observers.entrySet()) {
            PoolMetric metric = entry.getKey();
            if (sample.name() == null && !metric.unpooled()) {
                continue;
            }
            Attributes attributes = withExtra(base, metric);
            try {
                double value = metric.value(sample);
                // The SDK's observers implement both interfaces: the instrument's type decides.
                if (metric.type() == PoolMetric.Type.GAUGE) {
                    ((ObservableDoubleMeasurement) entry.getValue()).record(value, attributes);
                } else {
                    ((ObservableLongMeasurement) entry.getValue()).record((long) value, attributes);
                }
            } catch (RuntimeException | LinkageError failure) {
                ExportLog.warn(
                        "otel-observe-" + metric.name(),
                        "telemetry: cannot read " + metric.name() + " of " + what,
                        failure);
            }
        }
    }

    /** The commands of no pool the agent knows carry no pool attributes. */
    private static final Attributes UNPOOLED_ATTRIBUTES =
            Attributes.builder().put(PoolMetrics.DB_SYSTEM, "redis").build();

    static Attributes attributes(PoolSample sample) {
        AttributesBuilder builder = Attributes.builder()
                .put(PoolMetrics.POOL_NAME, sample.name())
                .put(PoolMetrics.DB_SYSTEM, "redis")
                .put(PoolMetrics.CLIENT, sample.client());
        if (sample.serverAddress() != null) {
            builder.put(PoolMetrics.SERVER_ADDRESS, sample.serverAddress());
        }
        if (sample.serverPort() > 0) {
            builder.put(PoolMetrics.SERVER_PORT, (long) sample.serverPort());
        }
        return builder.build();
    }

    static Attributes withExtra(Attributes base, PoolMetric metric) {
        if (metric.attributes().isEmpty()) {
            return base;
        }
        AttributesBuilder builder = base.toBuilder();
        for (Map.Entry<String, String> extra : metric.attributes().entrySet()) {
            builder.put(extra.getKey(), extra.getValue());
        }
        return builder.build();
    }

    /**
     * Flushes what is left (a short batch job's last figures) without holding the JVM's exit for more
     * than {@link #SHUTDOWN_WAIT_MILLIS}: the SDK's shutdown waits for an export in flight, retries
     * included, so it runs on a daemon thread that the exiting JVM simply abandons when it is late.
     */
    void shutdown() {
        Thread flush = new Thread(
                () -> {
                    try {
                        sdk.shutdown().join(SHUTDOWN_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                    } catch (RuntimeException | LinkageError ignored) {
                        // the JVM is exiting; nothing to report to
                    }
                },
                "redis-pool-agent-telemetry-flush");
        flush.setDaemon(true);
        flush.start();
        try {
            flush.join(SHUTDOWN_WAIT_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static final long SHUTDOWN_WAIT_MILLIS = 1000;
}

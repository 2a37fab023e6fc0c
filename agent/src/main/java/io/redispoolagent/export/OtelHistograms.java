package io.redispoolagent.export;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.Data;
import io.opentelemetry.sdk.metrics.data.HistogramData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.export.MetricProducer;
import io.opentelemetry.sdk.resources.Resource;
import io.redispoolagent.metrics.LatencyHistogram;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The pool histograms for OpenTelemetry. They are recorded by the agent's allocation-free hot path
 * ({@link LatencyHistogram}), not by SDK instruments, so this {@link MetricProducer} turns each
 * collection's snapshot into cumulative histogram points with the same bucket boundaries. Built on the
 * SDK's public data interfaces only: its own implementations of them are internal.
 */
final class OtelHistograms implements MetricProducer {

    private static final List<Double> BOUNDARIES = boundaries();

    private final PoolCollector pools;
    private final InstrumentationScopeInfo scope;

    OtelHistograms(PoolCollector pools, InstrumentationScopeInfo scope) {
        this.pools = pools;
        this.scope = scope;
    }

    @Override
    public Collection<MetricData> produce(Resource resource) {
        try {
            return histograms(resource);
        } catch (RuntimeException | LinkageError failure) {
            ExportLog.warn("otel-histograms", "telemetry: cannot read the pool histograms", failure);
            return Collections.emptyList();
        }
    }

    /** The histogram metrics of every series now, cumulative since the series was first exported. */
    private Collection<MetricData> histograms(Resource resource) {
        long now = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        Map<PoolMetric, List<HistogramPointData>> points = new LinkedHashMap<>();
        for (PoolSample sample : pools.samples()) {
            Attributes base = OtelExporter.attributes(sample);
            for (PoolMetric metric : PoolMetrics.all()) {
                if (metric.type() != PoolMetric.Type.HISTOGRAM) {
                    continue;
                }
                PoolSample.Histogram histogram = metric.histogram(sample);
                List<HistogramPointData> list = points.get(metric);
                if (list == null) {
                    list = new ArrayList<>();
                    points.put(metric, list);
                }
                list.add(HistogramPointData.create(
                        sample.startEpochNanos(),
                        now,
                        OtelExporter.withExtra(base, metric),
                        histogram.sumSeconds(),
                        false,
                        0,
                        false,
                        0,
                        BOUNDARIES,
                        toList(histogram.bucketCounts())));
            }
        }
        List<MetricData> metrics = new ArrayList<>();
        for (Map.Entry<PoolMetric, List<HistogramPointData>> entry : points.entrySet()) {
            metrics.add(new HistogramMetric(
                    resource,
                    scope,
                    entry.getKey(),
                    HistogramData.create(AggregationTemporality.CUMULATIVE, entry.getValue())));
        }
        return metrics;
    }

    private static List<Double> boundaries() {
        List<Double> list = new ArrayList<>();
        for (double bound : LatencyHistogram.BOUNDARIES_SECONDS) {
            list.add(bound);
        }
        return Collections.unmodifiableList(list);
    }

    private static List<Long> toList(long[] counts) {
        List<Long> list = new ArrayList<>(counts.length);
        for (long count : counts) {
            list.add(count);
        }
        return list;
    }

    /** One histogram metric, built from the SDK's public data interfaces (its own implementations are internal). */
    private static final class HistogramMetric implements MetricData {

        private final Resource resource;
        private final InstrumentationScopeInfo scope;
        private final PoolMetric metric;
        private final HistogramData data;

        HistogramMetric(Resource resource, InstrumentationScopeInfo scope, PoolMetric metric, HistogramData data) {
            this.resource = resource;
            this.scope = scope;
            this.metric = metric;
            this.data = data;
        }

        @Override
        public Resource getResource() {
            return resource;
        }

        @Override
        public InstrumentationScopeInfo getInstrumentationScopeInfo() {
            return scope;
        }

        @Override
        public String getName() {
            return metric.name();
        }

        @Override
        public String getDescription() {
            return metric.description();
        }

        @Override
        public String getUnit() {
            return metric.unit();
        }

        @Override
        public MetricDataType getType() {
            return MetricDataType.HISTOGRAM;
        }

        @Override
        public Data<?> getData() {
            return data;
        }
    }
}

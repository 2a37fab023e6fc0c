package io.redispoolagent.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * One exported figure of a pool, described once and rendered by every exporter (OpenTelemetry,
 * Micrometer): its name, instrument type, unit, the attributes it adds to the pool's own, and how to
 * read it from a {@link PoolSample}.
 */
public final class PoolMetric {

    /** How the figure behaves; each exporter maps it to its own instrument. */
    public enum Type {
        /** A value that goes up and down, in whole units (OTel async UpDownCounter, Micrometer Gauge). */
        UP_DOWN_COUNTER,
        /** A measured ratio or level (OTel async Gauge, Micrometer Gauge). */
        GAUGE,
        /** A monotonic count since the pool was built (OTel async Counter, Micrometer FunctionCounter). */
        COUNTER,
        /** A latency distribution in seconds (OTel Histogram, Micrometer FunctionTimer). */
        HISTOGRAM
    }

    private final String name;
    private final Type type;
    private final String unit;
    private final String description;
    private final Map<String, String> attributes;
    private final ToDoubleFunction<PoolSample> value;
    private final Function<PoolSample, PoolSample.Histogram> histogram;
    private final boolean unpooled;

    private PoolMetric(
            String name,
            Type type,
            String unit,
            String description,
            Map<String, String> attributes,
            ToDoubleFunction<PoolSample> value,
            Function<PoolSample, PoolSample.Histogram> histogram,
            boolean unpooled) {
        this.name = name;
        this.type = type;
        this.unit = unit;
        this.description = description;
        this.attributes = Collections.unmodifiableMap(attributes);
        this.value = value;
        this.histogram = histogram;
        this.unpooled = unpooled;
    }

    public static PoolMetric of(
            String name, Type type, String unit, String description, ToDoubleFunction<PoolSample> value) {
        if (type == Type.HISTOGRAM) {
            throw new IllegalArgumentException("use histogram() for " + name);
        }
        return new PoolMetric(name, type, unit, description, new LinkedHashMap<String, String>(), value, null, false);
    }

    public static PoolMetric histogram(
            String name, String description, Function<PoolSample, PoolSample.Histogram> read) {
        return new PoolMetric(
                name,
                Type.HISTOGRAM,
                "s",
                description,
                new LinkedHashMap<String, String>(),
                sample -> read.apply(sample).count(),
                read,
                false);
    }

    /** The same figure with one more fixed attribute, e.g. {@code db.client.connection.state=idle}. */
    public PoolMetric with(String key, String attributeValue) {
        Map<String, String> more = new LinkedHashMap<>(attributes);
        more.put(key, attributeValue);
        return new PoolMetric(name, type, unit, description, more, value, histogram, unpooled);
    }

    /**
     * The same figure, also exported for the commands of no pool the agent knows ({@link
     * PoolSample#unpooled}), without the pool's attributes.
     */
    public PoolMetric alsoForUnpooled() {
        return new PoolMetric(name, type, unit, description, attributes, value, histogram, true);
    }

    /** True when the figure is also exported for the commands of no known pool. */
    public boolean unpooled() {
        return unpooled;
    }

    public String name() {
        return name;
    }

    public Type type() {
        return type;
    }

    /** UCUM unit as OpenTelemetry writes it: {@code s}, {@code 1}, {@code {connection}}. */
    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }

    /** Attributes this figure adds to the pool's (empty for most). */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** The value (for a histogram: its count). */
    public double value(PoolSample sample) {
        return value.applyAsDouble(sample);
    }

    /** The distribution of a {@link Type#HISTOGRAM}; null for the other types. */
    public PoolSample.Histogram histogram(PoolSample sample) {
        return histogram == null ? null : histogram.apply(sample);
    }

    @Override
    public String toString() {
        return name + attributes;
    }
}

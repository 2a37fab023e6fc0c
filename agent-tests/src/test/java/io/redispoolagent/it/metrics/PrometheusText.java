package io.redispoolagent.it.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The samples of a Prometheus text exposition, looked up by metric name and a subset of labels. */
public final class PrometheusText {

    public record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern LINE =
            Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)(\\s+\\S+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static final Pattern TYPE = Pattern.compile("^# TYPE (\\S+) (\\S+)$");

    private final String text;
    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, String> typeByFamily = new LinkedHashMap<>();

    public PrometheusText(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            Matcher type = TYPE.matcher(line.trim());
            if (type.matches()) {
                typeByFamily.put(type.group(1), type.group(2));
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher matcher = LINE.matcher(line.trim());
            if (!matcher.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (matcher.group(3) != null) {
                Matcher label = LABEL.matcher(matcher.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(4))));
        }
    }

    /** The value of the one sample named {@code name} whose labels include {@code labels}; fails if not exactly one. */
    public double value(String name, Map<String, String> labels) {
        List<Sample> found = find(name, labels);
        if (found.size() != 1) {
            throw new AssertionError("expected one sample " + name + labels + " but found " + found + " in:\n" + text);
        }
        return found.get(0).value();
    }

    /** Like {@link #value} but NaN when there is no such sample. */
    public double valueOrNaN(String name, Map<String, String> labels) {
        List<Sample> found = find(name, labels);
        return found.size() == 1 ? found.get(0).value() : Double.NaN;
    }

    public List<Sample> find(String name, Map<String, String> labels) {
        return withLabels(labels).stream()
                .filter(sample -> sample.name().equals(name))
                .toList();
    }

    /** Every sample, whatever its name, whose labels include {@code labels}. */
    public List<Sample> withLabels(Map<String, String> labels) {
        return samples.stream()
                .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
    }

    /**
     * True for a sample that must never decrease while its process runs: a counter's, or a histogram's or
     * summary's bucket, count or sum (by the {@code # TYPE} of its family, so that a gauge named
     * {@code ..._count} is not taken for one).
     */
    public boolean isCumulative(String sampleName) {
        if ("counter".equals(typeByFamily.get(sampleName))) {
            return true;
        }
        for (String suffix : List.of("_total", "_bucket", "_count", "_sum")) {
            if (sampleName.endsWith(suffix)) {
                String type = typeByFamily.get(sampleName.substring(0, sampleName.length() - suffix.length()));
                if (suffix.equals("_total")
                        ? "counter".equals(type)
                        : "histogram".equals(type) || "summary".equals(type)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}

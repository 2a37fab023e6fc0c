package io.redispoolagent.sample.load;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Thread-safe counters and latency histograms of a load run. Virtual users call {@link #record}; the progress
 * reporter drains interval histograms with {@link #interval()}; {@link #totals()} gives the whole run.
 *
 * <p>Latencies are recorded in microseconds in HdrHistogram {@link Recorder}s (wait-free for the recording threads,
 * auto-resizing, 3 significant digits). Two histograms: {@code latency}, measured from each request's intended send
 * time (corrected for coordinated omission, see {@link LoadGenerator}), and {@code serviceTime}, measured from the
 * moment the request was actually sent. Failed requests are recorded too: a 503 after a 500 ms pool wait is part of
 * what users see.
 */
public final class LoadStats {
    private final Recorder latencyRecorder = new Recorder(3);
    private final Recorder serviceRecorder = new Recorder(3);
    private final Histogram latencyTotal = new Histogram(3);
    private final Histogram serviceTotal = new Histogram(3);
    private Histogram latencyInterval;
    private Histogram serviceInterval;

    private final LongAdder requests = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final Map<Endpoint, LongAdder> requestsByEndpoint = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, LongAdder> failuresByEndpoint = new EnumMap<>(Endpoint.class);
    private final ConcurrentHashMap<String, LongAdder> failuresByCause = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> failuresByEndpointAndCause = new ConcurrentHashMap<>();

    private long intervalRequests;
    private long intervalFailures;

    public LoadStats() {
        for (Endpoint e : Endpoint.values()) {
            requestsByEndpoint.put(e, new LongAdder());
            failuresByEndpoint.put(e, new LongAdder());
        }
    }

    /**
     * Records one finished request.
     *
     * @param failureCause null for a success, else a key from {@link Failure} (http_503, timeout, ...)
     * @param latencyMicros from the intended send time to the end of the response
     * @param serviceMicros from the actual send time to the end of the response
     */
    public void record(Endpoint endpoint, String failureCause, long latencyMicros, long serviceMicros) {
        latencyRecorder.recordValue(Math.max(0, latencyMicros));
        serviceRecorder.recordValue(Math.max(0, serviceMicros));
        requestsByEndpoint.get(endpoint).increment();
        if (failureCause != null) {
            failuresByEndpoint.get(endpoint).increment();
            failuresByCause.computeIfAbsent(failureCause, k -> new LongAdder()).increment();
            failuresByEndpointAndCause
                    .computeIfAbsent(endpoint.key() + "_" + shortCause(failureCause), k -> new LongAdder())
                    .increment();
            failures.increment();
        }
        requests.increment();
    }

    /** "http_503" → "503", like the reports' login_503; "timeout", "connection_error" stay. */
    static String shortCause(String cause) {
        return cause.startsWith("http_") ? cause.substring(5) : cause;
    }

    /** What was recorded since the previous call (and adds it to the totals). */
    public synchronized Interval interval() {
        latencyInterval = latencyRecorder.getIntervalHistogram(latencyInterval);
        serviceInterval = serviceRecorder.getIntervalHistogram(serviceInterval);
        latencyTotal.add(latencyInterval);
        serviceTotal.add(serviceInterval);
        long req = requests.sum();
        long fail = failures.sum();
        Interval interval = new Interval(
                req - intervalRequests, fail - intervalFailures, req, fail, LatencySummary.ofMicros(latencyInterval));
        intervalRequests = req;
        intervalFailures = fail;
        return interval;
    }

    /** The whole run so far. */
    public synchronized Totals totals() {
        interval();
        Map<String, Long> byEndpoint = new java.util.LinkedHashMap<>();
        Map<String, Long> failByEndpoint = new java.util.LinkedHashMap<>();
        for (Endpoint e : Endpoint.values()) {
            byEndpoint.put(e.key(), requestsByEndpoint.get(e).sum());
            failByEndpoint.put(e.key(), failuresByEndpoint.get(e).sum());
        }
        return new Totals(
                requests.sum(),
                failures.sum(),
                byEndpoint,
                failByEndpoint,
                sums(failuresByCause),
                sums(failuresByEndpointAndCause),
                LatencySummary.ofMicros(latencyTotal),
                LatencySummary.ofMicros(serviceTotal));
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> out = new TreeMap<>();
        for (Map.Entry<String, LongAdder> e : counters.entrySet()) {
            out.put(e.getKey(), e.getValue().sum());
        }
        return out;
    }

    /** Counts of one progress interval plus the running totals. */
    public static final class Interval {
        public final long requests;
        public final long failures;
        public final long totalRequests;
        public final long totalFailures;
        public final LatencySummary latency;

        Interval(long requests, long failures, long totalRequests, long totalFailures, LatencySummary latency) {
            this.requests = requests;
            this.failures = failures;
            this.totalRequests = totalRequests;
            this.totalFailures = totalFailures;
            this.latency = latency;
        }
    }

    /** Everything recorded in a run. */
    public static final class Totals {
        public final long requests;
        public final long failures;
        public final Map<String, Long> requestsByEndpoint;
        public final Map<String, Long> failuresByEndpoint;
        public final Map<String, Long> failuresByCause;
        public final Map<String, Long> failuresByEndpointAndCause;
        public final LatencySummary latency;
        public final LatencySummary serviceTime;

        Totals(
                long requests,
                long failures,
                Map<String, Long> requestsByEndpoint,
                Map<String, Long> failuresByEndpoint,
                Map<String, Long> failuresByCause,
                Map<String, Long> failuresByEndpointAndCause,
                LatencySummary latency,
                LatencySummary serviceTime) {
            this.requests = requests;
            this.failures = failures;
            this.requestsByEndpoint = requestsByEndpoint;
            this.failuresByEndpoint = failuresByEndpoint;
            this.failuresByCause = failuresByCause;
            this.failuresByEndpointAndCause = failuresByEndpointAndCause;
            this.latency = latency;
            this.serviceTime = serviceTime;
        }
    }
}

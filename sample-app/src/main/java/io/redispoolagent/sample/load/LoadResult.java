package io.redispoolagent.sample.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.redispoolagent.sample.cli.Durations;
import io.redispoolagent.sample.json.Json;
import java.util.Locale;
import java.util.Map;

/** The outcome of a load run: counts, rates, latency, and optionally the agent's status view at the end. */
public final class LoadResult {
    private final LoadOptions options;
    private final long elapsedMillis;
    private final LoadStats.Totals totals;
    private final String agentStatusJson;
    private final String agentStatusError;
    private final int usersStillBusy;
    private final String serviceStatsJson;

    public LoadResult(
            LoadOptions options,
            long elapsedMillis,
            LoadStats.Totals totals,
            String agentStatusJson,
            String agentStatusError,
            int usersStillBusy) {
        this(options, elapsedMillis, totals, agentStatusJson, agentStatusError, usersStillBusy, null);
    }

    private LoadResult(
            LoadOptions options,
            long elapsedMillis,
            LoadStats.Totals totals,
            String agentStatusJson,
            String agentStatusError,
            int usersStillBusy,
            String serviceStatsJson) {
        this.options = options;
        this.elapsedMillis = elapsedMillis;
        this.totals = totals;
        this.agentStatusJson = agentStatusJson;
        this.agentStatusError = agentStatusError;
        this.usersStillBusy = usersStillBusy;
        this.serviceStatsJson = serviceStatsJson;
    }

    /** A copy carrying the target's own /stats JSON (the sample service's client, pool settings, responses). */
    public LoadResult withServiceStats(String json) {
        return new LoadResult(options, elapsedMillis, totals, agentStatusJson, agentStatusError, usersStillBusy, json);
    }

    /** The target's /stats JSON at the end of the run, or null. */
    public String serviceStatsJson() {
        return serviceStatsJson;
    }

    /** The pool line from the target's /stats ("JedisPool maxTotal=8 ..."), or null. */
    public String servicePool() {
        if (serviceStatsJson == null) {
            return null;
        }
        try {
            return Json.read(serviceStatsJson).path("pool").textValue();
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    public LoadOptions options() {
        return options;
    }

    public long elapsedMillis() {
        return elapsedMillis;
    }

    public long requests() {
        return totals.requests;
    }

    public long failures() {
        return totals.failures;
    }

    public long successes() {
        return totals.requests - totals.failures;
    }

    /** Failures / requests, 0..1 (0 with no requests). */
    public double failureRate() {
        return totals.requests == 0 ? 0.0 : (double) totals.failures / totals.requests;
    }

    /** Requests per second over the elapsed time. */
    public double rps() {
        return elapsedMillis <= 0 ? 0.0 : totals.requests * 1000.0 / elapsedMillis;
    }

    public Map<String, Long> requestsByEndpoint() {
        return totals.requestsByEndpoint;
    }

    /** Keys login, verify, logout. */
    public Map<String, Long> failuresByEndpoint() {
        return totals.failuresByEndpoint;
    }

    /** Keys like http_503, http_500, timeout, connection_error. */
    public Map<String, Long> failuresByCause() {
        return totals.failuresByCause;
    }

    /** Keys like login_503, verify_timeout (the reports' naming). */
    public Map<String, Long> failuresByEndpointAndCause() {
        return totals.failuresByEndpointAndCause;
    }

    /** From each request's intended send time (coordinated-omission corrected when the pace is positive). */
    public LatencySummary latency() {
        return totals.latency;
    }

    /** From each request's actual send time. */
    public LatencySummary serviceTime() {
        return totals.serviceTime;
    }

    /** The agent's status view as returned (JSON text), or null. */
    public String agentStatusJson() {
        return agentStatusJson;
    }

    public String agentStatusError() {
        return agentStatusError;
    }

    public int usersStillBusy() {
        return usersStillBusy;
    }

    /** The result as a JSON document (keys described in the README and {@code LoadGenerator}). */
    public String toJson() {
        ObjectNode json = Json.object();
        json.put("target", options.target().toString());
        json.put("users", options.users());
        json.put("durationSeconds", Json.figure(options.durationMillis() / 1000.0));
        json.put("rampSeconds", Json.figure(options.rampMillis() / 1000.0));
        json.put("paceMs", options.paceMillis());
        json.put("verifyPerCycle", options.verifyPerCycle());
        json.put("timeoutMs", options.timeoutMillis());
        json.put("elapsedSeconds", Json.figure(elapsedMillis / 1000.0));
        json.put("requests", requests());
        json.put("successes", successes());
        json.put("failures", failures());
        json.put("failureRate", round(failureRate(), 6));
        json.put("failurePercent", round(failureRate() * 100.0, 3));
        json.put("rps", Json.figure(rps()));
        json.set("requestsByEndpoint", counts(requestsByEndpoint()));
        json.set("failuresByEndpoint", counts(failuresByEndpoint()));
        json.set("failuresByCause", counts(failuresByCause()));
        json.set("failuresByEndpointAndCause", counts(failuresByEndpointAndCause()));
        json.set("latencyMs", latency().toJson());
        json.set("serviceTimeMs", serviceTime().toJson());
        json.put("coordinatedOmissionCorrected", options.paceMillis() > 0);
        json.put("latencyNote", latencyNote());
        if (usersStillBusy > 0) {
            json.put("usersStillBusyAtEnd", usersStillBusy);
        }
        // Embedded as fetched: LoadGenerator checked that they are JSON, and re-parsing them here could only lose them.
        if (serviceStatsJson != null) {
            json.putRawValue("serviceStats", new RawValue(serviceStatsJson));
        }
        if (options.statusUri() != null) {
            json.put("agentStatusUrl", options.statusUri().toString());
            if (agentStatusJson != null) {
                json.putRawValue("agentStatus", new RawValue(agentStatusJson));
            } else {
                json.putNull("agentStatus");
                json.put("agentStatusError", agentStatusError);
            }
        }
        return Json.write(json);
    }

    private String latencyNote() {
        if (options.paceMillis() > 0) {
            return "latencyMs is measured from each request's intended send time (one request per user every "
                    + options.paceMillis() + " ms), so time a user spent waiting on a stalled earlier request counts; "
                    + "serviceTimeMs is from the actual send";
        }
        return "closed loop (pace 0): latencyMs equals serviceTimeMs and is not corrected for coordinated omission";
    }

    private static ObjectNode counts(Map<String, Long> values) {
        ObjectNode counts = Json.object();
        values.forEach(counts::put);
        return counts;
    }

    private static double round(double value, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(value * f) / f;
    }

    /** A human-readable summary, several lines. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("load test finished: ")
                .append(options.target())
                .append(", ")
                .append(options.users())
                .append(" users, ")
                .append(Durations.format(options.durationMillis()))
                .append(" (elapsed ")
                .append(String.format(Locale.ROOT, "%.1f", elapsedMillis / 1000.0))
                .append(" s)\n");
        if (servicePool() != null) {
            sb.append("  service pool ").append(servicePool()).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "  requests   %,d  (%,.1f/s)%n", requests(), rps()));
        sb.append(String.format(Locale.ROOT, "  failures   %,d  (%.2f%%)%n", failures(), failureRate() * 100.0));
        if (failures() > 0) {
            sb.append("    by endpoint  ").append(inline(failuresByEndpoint())).append('\n');
            sb.append("    by cause     ").append(inline(failuresByCause())).append('\n');
        }
        sb.append("  latency ms ")
                .append(latency().toText())
                .append(options.paceMillis() > 0 ? "   (from intended send time, CO-corrected)" : "   (closed loop)")
                .append('\n');
        sb.append("  service ms ").append(serviceTime().toText()).append("   (from actual send)\n");
        if (usersStillBusy > 0) {
            sb.append("  ").append(usersStillBusy).append(" users were still waiting on a request at the end\n");
        }
        if (options.statusUri() != null) {
            sb.append("  agent status: ")
                    .append(
                            agentStatusJson != null
                                    ? "fetched from " + options.statusUri()
                                    : "not available (" + agentStatusError + ")")
                    .append('\n');
        }
        return sb.toString();
    }

    private static String inline(Map<String, Long> values) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Long> e : values.entrySet()) {
            if (e.getValue() == 0) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(e.getKey()).append(' ').append(String.format(Locale.ROOT, "%,d", e.getValue()));
        }
        return sb.length() == 0 ? "-" : sb.toString();
    }
}

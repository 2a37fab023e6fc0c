package io.redispoolagent.sample.load;

import io.redispoolagent.sample.cli.Durations;
import io.redispoolagent.sample.json.JsonWriter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The outcome of a load run: counts, rates, latency, and optionally the agent's status view at the end. */
public final class LoadResult {
  private static final Pattern POOL = Pattern.compile("\"pool\"\\s*:\\s*\"([^\"\\\\]*)\"");

  private final LoadOptions options;
  private final long elapsedMillis;
  private final LoadStats.Totals totals;
  private final String agentStatusJson;
  private final String agentStatusError;
  private final int usersStillBusy;
  private final String serviceStatsJson;

  public LoadResult(LoadOptions options, long elapsedMillis, LoadStats.Totals totals, String agentStatusJson,
      String agentStatusError, int usersStillBusy) {
    this(options, elapsedMillis, totals, agentStatusJson, agentStatusError, usersStillBusy, null);
  }

  private LoadResult(LoadOptions options, long elapsedMillis, LoadStats.Totals totals, String agentStatusJson,
      String agentStatusError, int usersStillBusy, String serviceStatsJson) {
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
    Matcher m = POOL.matcher(serviceStatsJson);
    return m.find() ? m.group(1) : null;
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
    JsonWriter w = new JsonWriter().beginObject();
    w.field("target", options.target().toString());
    w.field("users", options.users());
    w.field("durationSeconds", options.durationMillis() / 1000.0);
    w.field("rampSeconds", options.rampMillis() / 1000.0);
    w.field("paceMs", options.paceMillis());
    w.field("verifyPerCycle", options.verifyPerCycle());
    w.field("timeoutMs", options.timeoutMillis());
    w.field("elapsedSeconds", elapsedMillis / 1000.0);
    w.field("requests", requests());
    w.field("successes", successes());
    w.field("failures", failures());
    w.field("failureRate", round(failureRate(), 6));
    w.field("failurePercent", round(failureRate() * 100.0, 3));
    w.field("rps", rps());
    map(w.name("requestsByEndpoint"), requestsByEndpoint());
    map(w.name("failuresByEndpoint"), failuresByEndpoint());
    map(w.name("failuresByCause"), failuresByCause());
    map(w.name("failuresByEndpointAndCause"), failuresByEndpointAndCause());
    latency().writeTo(w.name("latencyMs"));
    serviceTime().writeTo(w.name("serviceTimeMs"));
    w.field("coordinatedOmissionCorrected", options.paceMillis() > 0);
    w.field("latencyNote", latencyNote());
    if (usersStillBusy > 0) {
      w.field("usersStillBusyAtEnd", usersStillBusy);
    }
    if (serviceStatsJson != null) {
      w.name("serviceStats").rawValue(serviceStatsJson);
    }
    if (options.statusUri() != null) {
      w.field("agentStatusUrl", options.statusUri().toString());
      if (agentStatusJson != null) {
        w.name("agentStatus").rawValue(agentStatusJson);
      } else {
        w.name("agentStatus").nullValue();
        w.field("agentStatusError", agentStatusError);
      }
    }
    return w.endObject().toString();
  }

  private String latencyNote() {
    if (options.paceMillis() > 0) {
      return "latencyMs is measured from each request's intended send time (one request per user every "
          + options.paceMillis() + " ms), so time a user spent waiting on a stalled earlier request counts; "
          + "serviceTimeMs is from the actual send";
    }
    return "closed loop (pace 0): latencyMs equals serviceTimeMs and is not corrected for coordinated omission";
  }

  private static void map(JsonWriter w, Map<String, Long> values) {
    w.beginObject();
    for (Map.Entry<String, Long> e : values.entrySet()) {
      w.field(e.getKey(), e.getValue());
    }
    w.endObject();
  }

  private static double round(double value, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(value * f) / f;
  }

  /** A human-readable summary, several lines. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("load test finished: ").append(options.target()).append(", ").append(options.users())
        .append(" users, ").append(Durations.format(options.durationMillis())).append(" (elapsed ")
        .append(String.format(Locale.ROOT, "%.1f", elapsedMillis / 1000.0)).append(" s)\n");
    if (servicePool() != null) {
      sb.append("  service pool ").append(servicePool()).append('\n');
    }
    sb.append(String.format(Locale.ROOT, "  requests   %,d  (%,.1f/s)%n", requests(), rps()));
    sb.append(String.format(Locale.ROOT, "  failures   %,d  (%.2f%%)%n", failures(), failureRate() * 100.0));
    if (failures() > 0) {
      sb.append("    by endpoint  ").append(inline(failuresByEndpoint())).append('\n');
      sb.append("    by cause     ").append(inline(failuresByCause())).append('\n');
    }
    sb.append("  latency ms ").append(latency().toText())
        .append(options.paceMillis() > 0 ? "   (from intended send time, CO-corrected)" : "   (closed loop)")
        .append('\n');
    sb.append("  service ms ").append(serviceTime().toText()).append("   (from actual send)\n");
    if (usersStillBusy > 0) {
      sb.append("  ").append(usersStillBusy).append(" users were still waiting on a request at the end\n");
    }
    if (options.statusUri() != null) {
      sb.append("  agent status: ")
          .append(agentStatusJson != null ? "fetched from " + options.statusUri() : "not available (" + agentStatusError + ")")
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

package io.redispoolagent.status;

import io.redispoolagent.AgentVersion;
import io.redispoolagent.config.PoolSetting;
import io.redispoolagent.metrics.HistogramSnapshot;
import io.redispoolagent.metrics.PoolGauges;
import io.redispoolagent.metrics.PoolStats;
import io.redispoolagent.pool.Holders;
import io.redispoolagent.pool.PoolRecord;
import io.redispoolagent.pool.PoolSnapshot;
import io.redispoolagent.pool.SettingChange;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status view's JSON document: one entry per pool (see the README, "Status view", for an example).
 * Counts are since the pool was built; rates, hold time and the suggestion are over the sampler's
 * window. Pool names are {@code host:port/db} (or {@code sentinel:master/db}, {@code client-kind-N}):
 * never credentials.
 */
final class StatusReport {

    interface Windows {
        /** The window for a pool, ending at {@code now}; null when it has not been sampled yet. */
        SampleRing.Window window(PoolRecord record, Reading now);
    }

    private StatusReport() {}

    static String render(
            List<PoolRecord> records,
            Windows windows,
            Holders holders,
            long sampleIntervalMillis,
            double windowSeconds) {
        JsonWriter json = new JsonWriter()
                .beginObject()
                .field("agent", "redis-pool-agent")
                .field("version", AgentVersion.get())
                .field("time", Instant.now().toString())
                .field("sampleIntervalSeconds", sampleIntervalMillis / 1000.0, 3)
                .field("windowSeconds", windowSeconds, 3);
        json.name("thresholds")
                .beginObject()
                .field("warningUtilization", Recommendations.WARNING_UTILIZATION, 2)
                .field("criticalUtilization", Recommendations.CRITICAL_UTILIZATION, 2)
                .endObject();
        json.name("pools").beginArray();
        for (PoolRecord record : records) {
            pool(json, record, windows, holders);
        }
        return json.endArray().endObject().toString() + "\n";
    }

    private static void pool(JsonWriter json, PoolRecord record, Windows windows, Holders holders) {
        PoolStats stats = record.stats();
        PoolGauges gauges = record.gauges();
        Reading now = Reading.of(System.nanoTime(), stats, gauges);
        SampleRing.Window window = windows.window(record, now);

        Recommendations.Figures figures = new Recommendations.Figures();
        figures.name = record.identity().name();
        if (gauges != null) {
            figures.used = gauges.used();
            figures.max = gauges.max();
            figures.pending = gauges.pending();
        }
        figures.timeouts = stats.timeouts();
        figures.leaks = stats.leaks();
        figures.validationFailures = stats.validationFailures();
        figures.peakDemand = now.demand();
        if (window != null) {
            figures.windowSeconds = window.seconds;
            figures.windowTimeouts = window.timeouts;
            figures.borrowsPerSecond = window.borrowsPerSecond();
            figures.meanHoldSeconds = window.meanHoldSeconds();
            figures.peakDemand = window.peakDemand;
        }
        if (Double.isNaN(figures.meanHoldSeconds)) {
            // No connection came back in the window: the mean since the pool was built is the best estimate.
            HistogramSnapshot use = stats.useTime();
            figures.meanHoldSeconds = use.count() == 0 ? Double.NaN : use.sumSeconds() / use.count();
        }
        List<Recommendation> findings = Recommendations.assess(figures);

        json.beginObject()
                .field("name", record.identity().name())
                .field("client", record.identity().client().displayName())
                .field("kind", record.identity().kind())
                .field("status", Recommendations.status(findings));
        json.name("server").beginObject().field("address", record.identity().serverAddress());
        if (record.identity().serverPort() > 0) {
            json.field("port", record.identity().serverPort());
        } else {
            json.name("port").nullValue();
        }
        json.endObject();

        json.name("settings").beginObject();
        Map<String, Object> before = settings(record.original());
        json.name("before");
        settings(json, before);
        json.name("after");
        settings(json, after(before, record.changes(), gauges));
        json.name("changes").beginArray();
        for (SettingChange change : record.changes()) {
            json.value(change.toString());
        }
        json.endArray().endObject();

        count(json, "used", figures.used);
        count(json, "idle", gauges == null ? -1 : gauges.idle());
        count(json, "max", figures.max);
        json.field("utilization", figures.utilization(), 4);
        count(json, "pending", figures.pending);
        json.field("timeouts", figures.timeouts);
        json.field("windowTimeouts", figures.windowTimeouts);
        json.field("validationFailures", figures.validationFailures);
        json.field("leaks", figures.leaks);

        HistogramSnapshot wait = stats.waitTime();
        json.name("waitMillis")
                .beginObject()
                .field("count", wait.count())
                .field("p50", wait.quantileSeconds(0.50) * 1000, 3)
                .field("p95", wait.quantileSeconds(0.95) * 1000, 3)
                .field("p99", wait.quantileSeconds(0.99) * 1000, 3)
                .field("mean", wait.count() == 0 ? Double.NaN : wait.sumSeconds() * 1000 / wait.count(), 3)
                .endObject();
        json.field("borrowsPerSecond", figures.borrowsPerSecond, 3);
        json.field("meanHoldMillis", figures.meanHoldSeconds * 1000, 3);
        json.field("meanInUse", figures.meanInUse(), 3);
        json.field("peakDemand", figures.peakDemand);
        int suggested = figures.suggestedMaxTotal();
        if (suggested > 0) {
            json.field("suggestedMaxTotal", suggested);
        } else {
            json.name("suggestedMaxTotal").nullValue();
        }

        Map<String, Long> retries = RetryCounts.of(record);
        json.name("retries");
        if (retries == null) {
            json.nullValue();
        } else {
            json.beginObject();
            for (Map.Entry<String, Long> entry : retries.entrySet()) {
                json.field(entry.getKey(), entry.getValue());
            }
            json.endObject();
        }

        json.name("holders").beginArray();
        for (Holders.Holder holder : holders.of(record)) {
            json.beginObject().field("thread", holder.thread()).field("heldMillis", holder.heldMillis());
            json.name("frames").beginArray();
            for (StackTraceElement frame : holder.frames()) {
                json.value(frame.toString());
            }
            json.endArray().endObject();
        }
        json.endArray();

        json.name("recommendations").beginArray();
        for (Recommendation finding : findings) {
            json.beginObject()
                    .field("severity", finding.severity.label())
                    .field("code", finding.code)
                    .field("message", finding.message)
                    .endObject();
        }
        json.endArray().endObject();
    }

    private static void count(JsonWriter json, String name, int value) {
        if (value < 0) {
            json.name(name).nullValue();
        } else {
            json.field(name, value);
        }
    }

    /** The pool's settings as JSON members: sizes, -1 meaning unlimited, and waits in milliseconds, -1 meaning forever. */
    static Map<String, Object> settings(PoolSnapshot snapshot) {
        if (snapshot == null) {
            return null;
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        for (PoolSetting setting : PoolSetting.values()) {
            settings.put(setting.jsonName(), setting.jsonValue(snapshot.get(setting)));
        }
        return settings;
    }

    /** The settings now: the application's with the agent's changes applied, sizes read live from the pool. */
    static Map<String, Object> after(Map<String, Object> before, List<SettingChange> changes, PoolGauges gauges) {
        Map<String, Object> after = before == null ? new LinkedHashMap<String, Object>() : new LinkedHashMap<>(before);
        for (SettingChange change : changes) {
            after.put(change.setting().jsonName(), change.setting().jsonValue(change.after()));
        }
        if (gauges != null) {
            after.put(PoolSetting.MAX_TOTAL.jsonName(), (long) gauges.max());
            after.put(PoolSetting.MAX_IDLE.jsonName(), (long) gauges.idleMax());
            after.put(PoolSetting.MIN_IDLE.jsonName(), (long) gauges.idleMin());
        }
        return after.isEmpty() ? null : after;
    }

    private static void settings(JsonWriter json, Map<String, Object> settings) {
        if (settings == null) {
            json.nullValue();
            return;
        }
        json.beginObject();
        for (Map.Entry<String, Object> entry : settings.entrySet()) {
            Object value = entry.getValue();
            if (value instanceof Boolean) {
                json.field(entry.getKey(), (Boolean) value);
            } else {
                json.field(entry.getKey(), ((Number) value).longValue());
            }
        }
        json.endObject();
    }
}

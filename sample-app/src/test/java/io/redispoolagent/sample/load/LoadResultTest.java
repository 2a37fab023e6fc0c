package io.redispoolagent.sample.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.redispoolagent.testsupport.json.JsonReader;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadResultTest {
    private static final LoadOptions OPTIONS = LoadOptions.of(URI.create("http://127.0.0.1:18080"), 10, 2_000);

    private static LoadStats sample() {
        LoadStats stats = new LoadStats();
        // 100 requests: latencies 1..100 ms; every 10th fails.
        for (int i = 1; i <= 100; i++) {
            Endpoint e = i % 5 == 0 ? Endpoint.LOGIN : i % 5 == 4 ? Endpoint.LOGOUT : Endpoint.VERIFY;
            String cause = null;
            if (i % 10 == 0) {
                cause = i == 50 ? Failure.TIMEOUT : i == 100 ? Failure.CONNECTION_ERROR : Failure.forStatus(503);
            }
            stats.record(e, cause, i * 1_000L, i * 500L);
        }
        return stats;
    }

    @Test
    void countsRatesAndPercentiles() {
        LoadResult r = new LoadResult(OPTIONS, 2_000, sample().totals(), null, null, 0);
        assertThat(r.requests()).isEqualTo(100);
        assertThat(r.failures()).isEqualTo(10);
        assertThat(r.successes()).isEqualTo(90);
        assertThat(r.failureRate()).isEqualTo(0.10);
        assertThat(r.rps()).isEqualTo(50.0);
        assertThat(r.requestsByEndpoint())
                .containsEntry("login", 20L)
                .containsEntry("logout", 20L)
                .containsEntry("verify", 60L);
        // i = 10..100 step 10: multiples of 5 are logins (all ten)
        assertThat(r.failuresByEndpoint()).containsEntry("login", 10L).containsEntry("verify", 0L);
        assertThat(r.failuresByCause())
                .containsEntry("http_503", 8L)
                .containsEntry("timeout", 1L)
                .containsEntry("connection_error", 1L);
        assertThat(r.failuresByEndpointAndCause())
                .containsEntry("login_503", 8L)
                .containsEntry("login_timeout", 1L);

        LatencySummary l = r.latency();
        assertThat(l.count()).isEqualTo(100);
        assertThat(l.min()).isCloseTo(1.0, within(0.01));
        assertThat(l.max()).isCloseTo(100.0, within(0.1));
        assertThat(l.avg()).isCloseTo(50.5, within(0.1));
        assertThat(l.p50()).isCloseTo(50.0, within(0.1));
        assertThat(l.p95()).isCloseTo(95.0, within(0.1));
        assertThat(l.p99()).isCloseTo(99.0, within(0.1));
        assertThat(r.serviceTime().p50()).isCloseTo(25.0, within(0.05));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonHasTheAgreedKeys() {
        LoadResult r = new LoadResult(OPTIONS, 2_000, sample().totals(), null, null, 0);
        Map<String, Object> json = JsonReader.object(r.toJson());
        assertThat(json)
                .containsKeys(
                        "requests",
                        "failures",
                        "failureRate",
                        "rps",
                        "latencyMs",
                        "failuresByEndpoint",
                        "failuresByCause",
                        "serviceTimeMs",
                        "users",
                        "target");
        assertThat(json.get("requests")).isEqualTo(100.0);
        assertThat(json.get("failures")).isEqualTo(10.0);
        assertThat(json.get("failureRate")).isEqualTo(0.1);
        assertThat(json.get("failurePercent")).isEqualTo(10.0);
        assertThat(json.get("rps")).isEqualTo(50.0);
        assertThat(json.get("coordinatedOmissionCorrected")).isEqualTo(true);
        Map<String, Object> latency = (Map<String, Object>) json.get("latencyMs");
        assertThat(latency).containsKeys("min", "avg", "p50", "p95", "p99", "max", "count");
        assertThat((Double) latency.get("p99")).isCloseTo(99.0, within(0.1));
        assertThat((Map<String, Object>) json.get("failuresByCause")).containsEntry("http_503", 8.0);
        assertThat(json).doesNotContainKey("agentStatus");
    }

    @Test
    void agentStatusIsEmbeddedAsJson() {
        LoadOptions withStatus = OPTIONS.withStatusUri(URI.create("http://127.0.0.1:9464"));
        LoadResult r = new LoadResult(
                withStatus,
                2_000,
                sample().totals(),
                "{\"pools\": [{\"name\": \"127.0.0.1:6379/0\", \"maxTotal\": 8}]}",
                null,
                0);
        Map<String, Object> json = JsonReader.object(r.toJson());
        assertThat(json.get("agentStatus")).isInstanceOf(Map.class);
        assertThat(json.get("agentStatusUrl")).isEqualTo("http://127.0.0.1:9464");

        LoadResult missing = new LoadResult(withStatus, 2_000, sample().totals(), null, "ConnectException: refused", 0);
        Map<String, Object> json2 = JsonReader.object(missing.toJson());
        assertThat(json2)
                .containsEntry("agentStatus", null)
                .containsEntry("agentStatusError", "ConnectException: refused");
        assertThat(missing.toText()).contains("agent status: not available (ConnectException: refused)");
    }

    @Test
    void serviceStatsAreEmbeddedAndThePoolLineShown() {
        LoadResult r = new LoadResult(OPTIONS, 2_000, sample().totals(), null, null, 0)
                .withServiceStats(
                        "{\"client\": \"jedis\", \"pool\": \"JedisPool maxTotal=8 maxWait=500ms\", \"responsesByStatus\": {}}");
        assertThat(r.servicePool()).isEqualTo("JedisPool maxTotal=8 maxWait=500ms");
        assertThat(r.toText()).contains("service pool JedisPool maxTotal=8 maxWait=500ms");
        @SuppressWarnings("unchecked")
        Map<String, Object> stats =
                (Map<String, Object>) JsonReader.object(r.toJson()).get("serviceStats");
        assertThat(stats).containsEntry("client", "jedis");
        assertThat(r.failures()).isEqualTo(10);
    }

    @Test
    void emptyRunIsValidJson() {
        LoadResult r = new LoadResult(OPTIONS.withPaceMillis(0), 0, new LoadStats().totals(), null, null, 3);
        Map<String, Object> json = JsonReader.object(r.toJson());
        assertThat(json.get("requests")).isEqualTo(0.0);
        assertThat(json.get("failureRate")).isEqualTo(0.0);
        assertThat(json.get("rps")).isEqualTo(0.0);
        assertThat(json.get("coordinatedOmissionCorrected")).isEqualTo(false);
        assertThat(json.get("usersStillBusyAtEnd")).isEqualTo(3.0);
        @SuppressWarnings("unchecked")
        Map<String, Object> latency = (Map<String, Object>) json.get("latencyMs");
        assertThat(latency).containsEntry("p50", null).containsEntry("count", 0.0);
        assertThat(r.toText()).contains("latency ms -");
    }

    @Test
    void textSummary() {
        String text = new LoadResult(OPTIONS, 2_000, sample().totals(), null, null, 0).toText();
        assertThat(text)
                .contains("requests   100  (50.0/s)")
                .contains("failures   10  (10.00%)")
                .contains("by cause     connection_error 1, http_503 8, timeout 1")
                .contains("p95 95");
    }

    @Test
    void intervalsDrainIntoTotals() {
        LoadStats stats = new LoadStats();
        stats.record(Endpoint.VERIFY, null, 2_000, 1_000);
        LoadStats.Interval first = stats.interval();
        assertThat(first.requests).isEqualTo(1);
        stats.record(Endpoint.VERIFY, "http_503", 4_000, 3_000);
        stats.record(Endpoint.VERIFY, null, 6_000, 5_000);
        LoadStats.Interval second = stats.interval();
        assertThat(second.requests).isEqualTo(2);
        assertThat(second.failures).isEqualTo(1);
        assertThat(second.totalRequests).isEqualTo(3);
        assertThat(second.latency.min()).isCloseTo(4.0, within(0.01));
        LoadStats.Totals totals = stats.totals();
        assertThat(totals.latency.count()).isEqualTo(3);
        assertThat(totals.latency.min()).isCloseTo(2.0, within(0.01));
        assertThat(totals.latency.max()).isCloseTo(6.0, within(0.01));
    }
}

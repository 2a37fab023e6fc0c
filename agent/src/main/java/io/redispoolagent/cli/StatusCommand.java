package io.redispoolagent.cli;

import io.redispoolagent.config.AgentConfig;
import io.redispoolagent.config.ConfigResolver;
import io.redispoolagent.status.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code status [port | host:port] [--json]}: fetches a running agent's status view and prints one row
 * per pool, then its recommendations. Without an address it uses {@code redis.pool.status.port} and
 * {@code .host} as this JVM resolves them (-D, REDIS_POOL_STATUS_PORT).
 */
final class StatusCommand {

    static final int UNREACHABLE = 1;

    private StatusCommand() {}

    static int run(String[] arguments, PrintStream out) {
        boolean raw = false;
        String address = null;
        for (String argument : arguments) {
            if ("--json".equals(argument)) {
                raw = true;
            } else if (address == null && !argument.startsWith("-")) {
                address = argument;
            } else {
                return usage(out);
            }
        }
        String hostPort = address == null ? configured() : hostPort(address);
        if (hostPort == null) {
            return usage(out);
        }
        String url = "http://" + hostPort + "/";
        String body;
        try {
            body = fetch(url);
        } catch (ConnectException | SocketTimeoutException nothingThere) {
            out.println("Nothing answers on " + hostPort + " (" + nothingThere.getMessage() + ").");
            out.println("The status view is off unless the application runs with -Dredis.pool.status.port=<port>"
                    + " (on 127.0.0.1 unless redis.pool.status.host says otherwise); check the port in its"
                    + " '[redis-pool-agent] INFO status view:' line.");
            return UNREACHABLE;
        } catch (UnknownHostException unknown) {
            out.println("Unknown host in '" + address + "': " + unknown.getMessage());
            return UNREACHABLE;
        } catch (IOException failed) {
            out.println("Could not read " + url + ": " + failed.getMessage());
            return UNREACHABLE;
        }
        Map<String, Object> document;
        try {
            Object parsed = JsonReader.parse(body);
            if (!(parsed instanceof Map) || !(((Map<?, ?>) parsed).get("pools") instanceof List)) {
                throw new IllegalArgumentException("no \"pools\" list");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) parsed;
            document = map;
        } catch (IllegalArgumentException notOurs) {
            out.println(hostPort + " answered, but not with a redis-pool-agent status view (" + notOurs.getMessage()
                    + ").");
            return UNREACHABLE;
        }
        if (raw) {
            out.print(body);
            return Cli.OK;
        }
        print(document, hostPort, out);
        return Cli.OK;
    }

    private static int usage(PrintStream out) {
        out.println("Usage: java -jar redis-pool-agent.jar status [<port> | <host>:<port>] [--json]");
        out.println("  e.g. status 9091   reads http://127.0.0.1:9091/ from an application started with"
                + " -Dredis.pool.status.port=9091");
        return Cli.USAGE;
    }

    /** {@code 9091} → 127.0.0.1:9091; {@code host:9091}, {@code [::1]:9091} as given; null when not an address. */
    static String hostPort(String address) {
        if (address.matches("\\d{1,5}")) {
            return validPort(address) ? AgentConfig.DEFAULT_STATUS_HOST + ":" + address : null;
        }
        int colon = address.lastIndexOf(':');
        if (colon <= 0
                || !address.substring(colon + 1).matches("\\d{1,5}")
                || !validPort(address.substring(colon + 1))) {
            return null;
        }
        String host = address.substring(0, colon);
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return host + ":" + address.substring(colon + 1);
    }

    private static boolean validPort(String text) {
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65_535;
    }

    private static String configured() {
        AgentConfig config = ConfigResolver.fromRuntime(null).config();
        if (config.statusPort() == null) {
            return null;
        }
        return hostPort(config.statusHost() + ":" + config.statusPort());
    }

    private static String fetch(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setConnectTimeout(3_000);
        connection.setReadTimeout(10_000);
        connection.setRequestProperty("Accept", "application/json");
        try {
            int code = connection.getResponseCode();
            if (code != 200) {
                throw new IOException("HTTP " + code + " from " + url);
            }
            try (InputStream in = connection.getInputStream()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    bytes.write(buffer, 0, read);
                }
                return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
            }
        } finally {
            connection.disconnect();
        }
    }

    @SuppressWarnings("unchecked")
    static void print(Map<String, Object> document, String hostPort, PrintStream out) {
        List<Object> pools = (List<Object>) document.get("pools");
        out.println("redis-pool-agent " + text(document.get("version")) + " status at " + hostPort + ", "
                + text(document.get("time")) + " (rates over the last " + number(document.get("windowSeconds"))
                + " s)");
        out.println();
        if (pools.isEmpty()) {
            out.println(
                    "No Redis pool yet: the agent runs, but the application has not built a Jedis or Lettuce pool.");
            return;
        }
        TextTable table = new TextTable()
                .row(
                        "POOL",
                        "CLIENT",
                        "KIND",
                        "STATUS",
                        "USED/MAX",
                        "IDLE",
                        "UTIL",
                        "PENDING",
                        "TIMEOUTS",
                        "WAIT P50/P95/P99 MS",
                        "BORROWS/S",
                        "HOLD MS",
                        "RETRIES",
                        "MAXTOTAL APP->NOW",
                        "SUGGESTED");
        List<String[]> findings = new ArrayList<>();
        for (Object entry : pools) {
            Map<String, Object> pool = (Map<String, Object>) entry;
            Map<String, Object> wait = map(pool.get("waitMillis"));
            Map<String, Object> settings = map(pool.get("settings"));
            table.row(
                    text(pool.get("name")),
                    text(pool.get("client")),
                    text(pool.get("kind")),
                    text(pool.get("status")).toUpperCase(Locale.ROOT),
                    number(pool.get("used")) + "/" + number(pool.get("max")),
                    number(pool.get("idle")),
                    percent(pool.get("utilization")),
                    number(pool.get("pending")),
                    number(pool.get("timeouts")),
                    millis(wait.get("p50")) + "/" + millis(wait.get("p95")) + "/" + millis(wait.get("p99")),
                    decimal(pool.get("borrowsPerSecond")),
                    millis(pool.get("meanHoldMillis")),
                    retries(pool.get("retries")),
                    number(map(settings.get("before")).get("maxTotal")) + "->"
                            + number(map(settings.get("after")).get("maxTotal")),
                    number(pool.get("suggestedMaxTotal")));
            for (Object recommendation : list(pool.get("recommendations"))) {
                Map<String, Object> finding = map(recommendation);
                findings.add(new String[] {
                    text(finding.get("severity")).toUpperCase(Locale.ROOT),
                    text(pool.get("name")),
                    text(finding.get("message"))
                });
            }
        }
        table.print(out);
        out.println();
        if (findings.isEmpty()) {
            out.println("Recommendations: none, every pool looks healthy.");
            return;
        }
        out.println("Recommendations:");
        TextTable recommendations = new TextTable();
        for (String[] finding : findings) {
            recommendations.row("  " + finding[0], finding[1], finding[2]);
        }
        recommendations.print(out);
    }

    private static String retries(Object value) {
        Map<String, Object> retries = map(value);
        if (retries.isEmpty()) {
            return "-";
        }
        String retried = number(retries.get("retried"));
        Object gaveUp = retries.get("gave_up");
        return gaveUp instanceof Double && (Double) gaveUp > 0
                ? retried + " (" + number(gaveUp) + " gave up)"
                : retried;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Collections.<String, Object>emptyMap();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List ? (List<Object>) value : Collections.emptyList();
    }

    private static String text(Object value) {
        return value == null ? "-" : String.valueOf(value);
    }

    static String number(Object value) {
        if (!(value instanceof Double)) {
            return value == null ? "-" : String.valueOf(value);
        }
        double number = (Double) value;
        return number == Math.rint(number) && Math.abs(number) < 1e15
                ? Long.toString((long) number)
                : String.format(Locale.ROOT, "%.1f", number);
    }

    private static String decimal(Object value) {
        return value instanceof Double ? String.format(Locale.ROOT, "%.1f", (Double) value) : "-";
    }

    static String millis(Object value) {
        if (!(value instanceof Double)) {
            return "-";
        }
        double millis = (Double) value;
        return String.format(Locale.ROOT, millis >= 100 ? "%.0f" : millis >= 10 ? "%.1f" : "%.2f", millis);
    }

    private static String percent(Object value) {
        return value instanceof Double ? Math.round((Double) value * 100) + "%" : "-";
    }
}

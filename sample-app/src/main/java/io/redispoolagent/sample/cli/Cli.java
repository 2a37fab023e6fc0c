package io.redispoolagent.sample.cli;

import io.redispoolagent.sample.load.LoadOptions;
import io.redispoolagent.sample.service.ServeOptions;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Turns the {@code serve} and {@code load} command lines into options; bad input is a {@link UsageException}. */
public final class Cli {
    public static final int DEFAULT_PORT = 8080;

    public static final String USAGE = String.join(
            "\n",
            "usage: java -jar sample-app.jar <command> [options]",
            "",
            "  serve   the legacy token service (Jedis or Lettuce pool: maxTotal 8, maxWait 500 ms)",
            "      --port P             HTTP port (default " + DEFAULT_PORT + "; 0 = any free port)",
            "      --bind ADDRESS       listen address (default 127.0.0.1)",
            "      --redis URL          redis://host:port[/db] (default: start the embedded redis-server)",
            "      --client NAME        jedis | lettuce (default jedis)",
            "      --threads N          HTTP server threads (default " + ServeOptions.DEFAULT_THREADS + ")",
            "      --redis-latency D    simulated network round trip to Redis, e.g. 1ms (default 0 = off): Redis is",
            "                           reached through a delay proxy on 127.0.0.1, the same with and without the agent",
            "    endpoints: POST /login user=NAME, GET /verify and POST /logout with Authorization: Bearer TOKEN,",
            "               GET /health, GET /stats",
            "",
            "  load    virtual users looping login -> verify xK -> logout against a running service",
            "      --target URL         the service, e.g. http://127.0.0.1:8080 (required)",
            "      --users N            concurrent virtual users (required)",
            "      --duration D         how long to run, e.g. 30s (required)",
            "      --ramp D             start the users evenly over D (default 0)",
            "      --pace D             each user's intended time between requests (default 100ms;",
            "                           latency counts from the intended time; 0 = closed loop, uncorrected)",
            "      --verify-per-cycle K verify calls per login (default " + LoadOptions.DEFAULT_VERIFY_PER_CYCLE + ")",
            "      --timeout D          connect/read timeout per request (default 30s)",
            "      --json FILE          also write the results as JSON",
            "      --status URL         the agent's status view (http://127.0.0.1:S); its JSON is embedded as agentStatus",
            "      --progress D         progress line interval (default 5s; 0 = none)",
            "",
            "  durations: 500ms, 10s, 2m, 1h; a bare number is milliseconds, as for the agent (--redis-latency also",
            "             takes microseconds: 500us)",
            "  exit codes: 0 ok, 1 runtime failure, 2 bad command line");

    private static final List<String> SERVE_OPTIONS =
            Arrays.asList("port", "bind", "redis", "client", "threads", "redis-latency");
    private static final List<String> LOAD_OPTIONS = Arrays.asList(
            "target", "users", "duration", "ramp", "pace", "verify-per-cycle", "timeout", "json", "status", "progress");

    private Cli() {}

    public static ServeOptions parseServe(List<String> args) throws UsageException {
        Options o = Options.parse("serve", args, SERVE_OPTIONS, Collections.<String>emptyList());
        ServeOptions s = ServeOptions.defaults()
                .withPort(o.intValue("port", DEFAULT_PORT, 0, 65535))
                .withClient(o.choice("client", "jedis", "jedis", "lettuce"))
                .withThreads(o.intValue("threads", ServeOptions.DEFAULT_THREADS, 1, 10_000))
                .withRedisUri(o.uri("redis", "redis", "rediss"))
                .withRedisLatencyMicros(o.durationMicros("redis-latency", 0, 0, ServeOptions.MAX_REDIS_LATENCY_MICROS));
        String bind = o.string("bind", "127.0.0.1").trim();
        if (bind.isEmpty()) {
            throw new UsageException("serve: --bind expects an address like 127.0.0.1");
        }
        return s.withBindAddress(bind);
    }

    public static LoadOptions parseLoad(List<String> args) throws UsageException {
        Options o = Options.parse("load", args, LOAD_OPTIONS, Collections.<String>emptyList());
        URI target = o.uri("target", "http");
        if (target == null) {
            throw new UsageException("load: option --target is required (e.g. --target http://127.0.0.1:8080)");
        }
        int users = o.requiredInt("users", 1, 100_000);
        long day = 24L * 3_600_000L;
        long duration = o.requiredDurationMillis("duration", 1, day);
        long ramp = o.durationMillis("ramp", 0, 0, day);
        if (ramp > duration) {
            throw new UsageException("load: --ramp (" + Durations.format(ramp)
                    + ") must not be longer than --duration (" + Durations.format(duration) + ")");
        }
        LoadOptions l = LoadOptions.of(target, users, duration)
                .withRampMillis(ramp)
                .withPaceMillis(o.durationMillis("pace", LoadOptions.DEFAULT_PACE_MILLIS, 0, 60_000))
                .withVerifyPerCycle(o.intValue("verify-per-cycle", LoadOptions.DEFAULT_VERIFY_PER_CYCLE, 0, 1_000))
                .withTimeoutMillis(o.durationMillis("timeout", LoadOptions.DEFAULT_TIMEOUT_MILLIS, 1, 600_000))
                .withStatusUri(o.uri("status", "http"));
        long progress = o.durationMillis("progress", LoadOptions.DEFAULT_PROGRESS_MILLIS, 0, day);
        if (progress > 0 && progress < 100) {
            throw new UsageException(
                    "load: --progress must be 0 (off) or at least 100ms, got " + Durations.format(progress));
        }
        l = l.withProgressMillis(progress);
        if (o.has("json")) {
            String file = o.string("json", "").trim();
            Path path;
            try {
                path = file.isEmpty() ? null : Paths.get(file);
            } catch (InvalidPathException e) {
                throw new UsageException("load: --json expects a file name, got '" + file + "'");
            }
            if (path == null) {
                throw new UsageException("load: --json expects a file name");
            }
            l = l.withJsonFile(path);
        }
        return l;
    }
}

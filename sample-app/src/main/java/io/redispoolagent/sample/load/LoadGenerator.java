package io.redispoolagent.sample.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.redispoolagent.sample.cli.Durations;
import io.redispoolagent.sample.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * Drives the sample service with N virtual users, each looping login → verify ×k → logout, and measures it.
 *
 * <h2>Coordinated omission</h2>
 *
 * A closed-loop load generator (send, wait for the answer, send again) under-reports latency: while a request is
 * stalled, the user sends nothing, so the requests that would have met the stall are never measured ("coordinated
 * omission"). There are two standard fixes: HdrHistogram's {@code recordValueWithExpectedInterval}, which
 * back-fills synthetic samples for the requests that should have been sent during a long one, and measuring every
 * request from its <em>intended</em> send time on a fixed schedule (wrk2's approach). We use the second: each user
 * intends one request every {@code pace} (default 100 ms); if a response is late, the next requests go out at once
 * but their latency still counts from when they were due. It measures real requests instead of synthesising them,
 * and it stays right when the service time varies from request to request (the expected-interval back-fill assumes
 * one fixed interval per recorder). The raw time from actual send to response is kept as {@code serviceTimeMs}.
 * With {@code pace 0} the generator runs closed loop, and latency is reported uncorrected (and marked so).
 *
 * <p>Users are platform threads with small (256 KiB) stacks, so 2,000 users stay within a few hundred MB. Requests
 * use {@link HttpURLConnection} (Java 8) with keep-alive; only the given target and status URLs are contacted.
 */
public final class LoadGenerator {
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");
    private static final long USER_STACK_BYTES = 256 * 1024;
    /** Closed loop only: pause after a failed request so a refused connection does not spin. */
    private static final long FAILURE_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    static {
        // HttpURLConnection keeps at most 5 idle connections per destination by default; with more users every
        // request beyond those would open (and leave in TIME_WAIT) a new TCP connection. Read once, at first use.
        try {
            if (System.getProperty("http.maxConnections") == null) {
                System.setProperty("http.maxConnections", "10000");
            }
        } catch (SecurityException ignored) {
            // keep the default
        }
    }

    private final LoadOptions options;
    private final PrintStream out;
    private final LoadStats stats = new LoadStats();
    private final AtomicInteger activeUsers = new AtomicInteger();
    private final URL loginUrl;
    private final URL verifyUrl;
    private final URL logoutUrl;
    private volatile boolean stopRequested;

    /** {@code out} receives the start line and progress lines; null for silence. */
    public LoadGenerator(LoadOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.loginUrl = url(options.target(), "/login");
        this.verifyUrl = url(options.target(), "/verify");
        this.logoutUrl = url(options.target(), "/logout");
    }

    private static URL url(URI base, String path) {
        try {
            String b = base.toString();
            while (b.endsWith("/")) {
                b = b.substring(0, b.length() - 1);
            }
            return new URL(b + path);
        } catch (IOException e) {
            throw new IllegalArgumentException("bad target " + base + ": " + e.getMessage(), e);
        }
    }

    /** Asks a running {@link #run()} to stop early (users finish their current request). */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Runs the load for the configured duration, prints progress, fetches the agent status if asked, writes the
     * JSON file if asked, and returns the result.
     */
    public LoadResult run() throws InterruptedException, IOException {
        int users = options.users();
        long pace = TimeUnit.MILLISECONDS.toNanos(options.paceMillis());
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(options.durationMillis());
        print(String.format(
                Locale.ROOT,
                "load: %d users against %s for %s (ramp %s, pace %s per user, %d verify per cycle, timeout %s)",
                users,
                options.target(),
                Durations.format(options.durationMillis()),
                Durations.format(options.rampMillis()),
                options.paceMillis() > 0 ? Durations.format(options.paceMillis()) : "0 (closed loop)",
                options.verifyPerCycle(),
                Durations.format(options.timeoutMillis())));

        CountDownLatch done = new CountDownLatch(users);
        List<Thread> threads = new ArrayList<>(users);
        for (int i = 0; i < users; i++) {
            // Spread the starts over the ramp; without one, spread the users' phases over one pace interval so that
            // they do not all fire at the same instant.
            long spread = options.rampMillis() > 0 ? TimeUnit.MILLISECONDS.toNanos(options.rampMillis()) : pace;
            long firstSend = start + (users <= 1 ? 0 : spread / users * i);
            VirtualUser user = new VirtualUser(i, firstSend, deadline, pace, done);
            Thread t = new Thread(null, user, "load-user-" + i, USER_STACK_BYTES);
            t.setDaemon(true);
            threads.add(t);
        }
        for (Thread t : threads) {
            t.start();
        }

        Thread progress = null;
        if (out != null && options.progressMillis() > 0) {
            progress = new Thread(() -> progressLoop(start, done), "load-progress");
            progress.setDaemon(true);
            progress.start();
        }

        // Wait for the end of the duration, then for in-flight requests (at most one timeout more).
        long waitNanos = deadline - System.nanoTime();
        while (waitNanos > 0
                && !stopRequested
                && !done.await(Math.min(waitNanos, 200_000_000L), TimeUnit.NANOSECONDS)) {
            waitNanos = deadline - System.nanoTime();
        }
        stopRequested = true;
        done.await(options.timeoutMillis() + 5_000, TimeUnit.MILLISECONDS);
        int stillBusy = (int) done.getCount();
        for (Thread t : threads) {
            if (t.isAlive()) {
                t.interrupt();
            }
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (progress != null) {
            progress.interrupt();
            progress.join(1_000);
        }

        String status = null;
        String statusError = null;
        if (options.statusUri() != null) {
            try {
                status = fetchStatus(options.statusUri(), options.timeoutMillis());
            } catch (IOException e) {
                statusError = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }

        // The sample service's own /stats (client, live pool settings, responses by status): best effort, so that a
        // result file says which pool settings (the app's, or the agent's) it was measured with.
        String serviceStats = null;
        try {
            serviceStats = fetchJson(new URL(loginUrl, "/stats"), Math.min(options.timeoutMillis(), 5_000));
        } catch (IOException ignored) {
            // not the sample service, or it is gone: leave it out
        }

        LoadResult result = new LoadResult(options, elapsedMillis, stats.totals(), status, statusError, stillBusy)
                .withServiceStats(serviceStats);
        if (options.jsonFile() != null) {
            Files.write(options.jsonFile(), (result.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return result;
    }

    private void progressLoop(long start, CountDownLatch done) {
        long next = start;
        long intervalNanos = TimeUnit.MILLISECONDS.toNanos(options.progressMillis());
        long lastPrint = start;
        try {
            while (done.getCount() > 0) {
                next += intervalNanos;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                }
                long now = System.nanoTime();
                LoadStats.Interval iv = stats.interval();
                double seconds = (now - lastPrint) / 1e9;
                lastPrint = now;
                print(String.format(
                        Locale.ROOT,
                        "[load] %5.1fs  users %d/%d  requests %,d (%,.0f/s)  failures %,d (%.2f%%)  last %s: p50 %s  p95 %s  p99 %s ms",
                        (now - start) / 1e9,
                        activeUsers.get(),
                        options.users(),
                        iv.totalRequests,
                        iv.requests / Math.max(seconds, 1e-3),
                        iv.totalFailures,
                        iv.totalRequests == 0 ? 0.0 : 100.0 * iv.totalFailures / iv.totalRequests,
                        Durations.format(options.progressMillis()),
                        fmt(iv.latency.p50()),
                        fmt(iv.latency.p95()),
                        fmt(iv.latency.p99())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String fmt(double ms) {
        return Double.isNaN(ms) ? "-" : LatencySummary.formatMillis(ms);
    }

    private void print(String line) {
        if (out != null) {
            out.println(line);
            out.flush();
        }
    }

    /** The status view's body; it must answer 200 with JSON. A URL without a path means "/". */
    static String fetchStatus(URI statusUri, long timeoutMillis) throws IOException {
        URL url = statusUri.getPath() == null || statusUri.getPath().isEmpty()
                ? new URL(statusUri.toString() + "/")
                : statusUri.toURL();
        return fetchJson(url, Math.min(timeoutMillis, 10_000));
    }

    private static String fetchJson(URL url, long timeoutMillis) throws IOException {
        Response r = call(url, "GET", null, null, (int) timeoutMillis);
        if (r.status != 200) {
            throw new IOException(url + " answered HTTP " + r.status);
        }
        String body = r.body.trim();
        JsonNode document;
        try {
            document = Json.read(body);
        } catch (JsonProcessingException e) {
            throw new IOException(url + " did not answer JSON: " + e.getOriginalMessage(), e);
        }
        if (!document.isContainerNode()) {
            throw new IOException(url + " did not answer a JSON object or array");
        }
        return body;
    }

    /** The token of a login reply ({@code {"user", "token"}}); null when it carries none. */
    static String tokenOf(String loginReply) {
        try {
            String token = Json.read(loginReply).path("token").textValue();
            return token != null && TOKEN.matcher(token).matches() ? token : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    // ---------------------------------------------------------------- virtual user

    private final class VirtualUser implements Runnable {
        private final String name;
        private final long firstSend;
        private final long deadline;
        private final long pace;
        private final CountDownLatch done;

        VirtualUser(int index, long firstSend, long deadline, long pace, CountDownLatch done) {
            this.name = "vu" + index;
            this.firstSend = firstSend;
            this.deadline = deadline;
            this.pace = pace;
            this.done = done;
        }

        @Override
        public void run() {
            try {
                if (!sleepUntil(firstSend)) {
                    return;
                }
                activeUsers.incrementAndGet();
                try {
                    loop();
                } finally {
                    activeUsers.decrementAndGet();
                }
            } finally {
                done.countDown();
            }
        }

        private void loop() {
            int timeout = (int) Math.min(Integer.MAX_VALUE, options.timeoutMillis());
            String body = "user=" + name;
            String token = null;
            int step = 0; // 0 = login, 1..k = verify, k+1 = logout
            long due = firstSend;
            while (!stopRequested) {
                // Stop at the end of the duration, even when behind schedule.
                if (System.nanoTime() - deadline >= 0 || (pace > 0 && (due - deadline >= 0 || !sleepUntil(due)))) {
                    return;
                }
                Endpoint endpoint;
                URL url;
                String method;
                String requestBody = null;
                if (step == 0) {
                    endpoint = Endpoint.LOGIN;
                    url = loginUrl;
                    method = "POST";
                    requestBody = body;
                } else if (step <= options.verifyPerCycle()) {
                    endpoint = Endpoint.VERIFY;
                    url = verifyUrl;
                    method = "GET";
                } else {
                    endpoint = Endpoint.LOGOUT;
                    url = logoutUrl;
                    method = "POST";
                }

                long sent = System.nanoTime();
                String cause;
                Response response = null;
                try {
                    response = call(url, method, requestBody, step == 0 ? null : token, timeout);
                    cause = Failure.forStatus(response.status);
                } catch (IOException e) {
                    cause = Failure.forException(e);
                }
                long finished = System.nanoTime();
                long intended = pace > 0 ? due : sent;
                stats.record(endpoint, cause, (finished - intended) / 1_000, (finished - sent) / 1_000);

                if (step == 0) {
                    token = null;
                    if (cause == null) {
                        token = tokenOf(response.body);
                    }
                    // Without a token the rest of the cycle is pointless: log in again at the next slot.
                    step = token == null ? 0 : 1;
                } else {
                    step = step > options.verifyPerCycle() ? 0 : step + 1;
                }
                if (pace > 0) {
                    due += pace;
                } else if (cause != null) {
                    LockSupport.parkNanos(FAILURE_BACKOFF_NANOS);
                }
            }
        }

        /** Sleeps until {@code when}; false when stopped or interrupted meanwhile. */
        private boolean sleepUntil(long when) {
            long wait;
            while ((wait = when - System.nanoTime()) > 0) {
                if (stopRequested || Thread.currentThread().isInterrupted()) {
                    return false;
                }
                LockSupport.parkNanos(Math.min(wait, 100_000_000L));
            }
            return !stopRequested;
        }
    }

    // ---------------------------------------------------------------- HTTP

    static final class Response {
        final int status;
        final String body;

        Response(int status, String body) {
            this.status = status;
            this.body = body;
        }
    }

    /** One HTTP exchange; the response body is read fully so the connection can be reused. */
    static Response call(URL url, String method, String formBody, String bearer, int timeoutMillis) throws IOException {
        HttpURLConnection c = (HttpURLConnection) url.openConnection();
        c.setConnectTimeout(timeoutMillis);
        c.setReadTimeout(timeoutMillis);
        c.setRequestMethod(method);
        c.setUseCaches(false);
        c.setInstanceFollowRedirects(false);
        if (bearer != null) {
            c.setRequestProperty("Authorization", "Bearer " + bearer);
        }
        byte[] bytes = formBody == null
                ? (("POST".equals(method)) ? new byte[0] : null)
                : formBody.getBytes(StandardCharsets.UTF_8);
        if (bytes != null) {
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(bytes.length);
            c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            try (OutputStream os = c.getOutputStream()) {
                os.write(bytes);
            }
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String body = "";
        if (in != null) {
            try (InputStream is = in) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
                byte[] chunk = new byte[1024];
                int n;
                while ((n = is.read(chunk)) > 0) {
                    buf.write(chunk, 0, n);
                }
                body = new String(buf.toByteArray(), StandardCharsets.UTF_8);
            }
        }
        return new Response(status, body);
    }
}

package io.redispoolagent.sample.load;

import java.net.URI;
import java.nio.file.Path;

/** Settings of one load run. Immutable; the {@code with*} methods return a changed copy. */
public final class LoadOptions {
    public static final int DEFAULT_VERIFY_PER_CYCLE = 3;
    public static final long DEFAULT_TIMEOUT_MILLIS = 30_000;
    /**
     * Each user intends one request every 100 ms (10 requests/s per user), the rate the source reports planned with
     * (500 users ≈ 5,000 requests/s). Latency is measured from the intended send time; see {@link LoadGenerator}.
     */
    public static final long DEFAULT_PACE_MILLIS = 100;

    public static final long DEFAULT_PROGRESS_MILLIS = 5_000;

    private final URI target;
    private final int users;
    private final long rampMillis;
    private final long durationMillis;
    private final int verifyPerCycle;
    private final long timeoutMillis;
    private final long paceMillis;
    private final long progressMillis;
    private final URI statusUri;
    private final Path jsonFile;

    private LoadOptions(
            URI target,
            int users,
            long rampMillis,
            long durationMillis,
            int verifyPerCycle,
            long timeoutMillis,
            long paceMillis,
            long progressMillis,
            URI statusUri,
            Path jsonFile) {
        this.target = target;
        this.users = users;
        this.rampMillis = rampMillis;
        this.durationMillis = durationMillis;
        this.verifyPerCycle = verifyPerCycle;
        this.timeoutMillis = timeoutMillis;
        this.paceMillis = paceMillis;
        this.progressMillis = progressMillis;
        this.statusUri = statusUri;
        this.jsonFile = jsonFile;
    }

    /** {@code users} virtual users against {@code target} (http://host:port) for {@code durationMillis}. */
    public static LoadOptions of(URI target, int users, long durationMillis) {
        if (users < 1) {
            throw new IllegalArgumentException("users must be at least 1");
        }
        if (durationMillis < 1) {
            throw new IllegalArgumentException("duration must be positive");
        }
        return new LoadOptions(
                target,
                users,
                0,
                durationMillis,
                DEFAULT_VERIFY_PER_CYCLE,
                DEFAULT_TIMEOUT_MILLIS,
                DEFAULT_PACE_MILLIS,
                DEFAULT_PROGRESS_MILLIS,
                null,
                null);
    }

    /** Users start evenly spread over the ramp (part of the duration). */
    public LoadOptions withRampMillis(long value) {
        return new LoadOptions(
                target,
                users,
                value,
                durationMillis,
                verifyPerCycle,
                timeoutMillis,
                paceMillis,
                progressMillis,
                statusUri,
                jsonFile);
    }

    public LoadOptions withVerifyPerCycle(int value) {
        return new LoadOptions(
                target,
                users,
                rampMillis,
                durationMillis,
                value,
                timeoutMillis,
                paceMillis,
                progressMillis,
                statusUri,
                jsonFile);
    }

    /** Connect and read timeout of each request. */
    public LoadOptions withTimeoutMillis(long value) {
        return new LoadOptions(
                target,
                users,
                rampMillis,
                durationMillis,
                verifyPerCycle,
                value,
                paceMillis,
                progressMillis,
                statusUri,
                jsonFile);
    }

    /** Intended time between two requests of one user; 0 = closed loop (no correction for coordinated omission). */
    public LoadOptions withPaceMillis(long value) {
        return new LoadOptions(
                target,
                users,
                rampMillis,
                durationMillis,
                verifyPerCycle,
                timeoutMillis,
                value,
                progressMillis,
                statusUri,
                jsonFile);
    }

    /** 0 = no progress lines. */
    public LoadOptions withProgressMillis(long value) {
        return new LoadOptions(
                target,
                users,
                rampMillis,
                durationMillis,
                verifyPerCycle,
                timeoutMillis,
                paceMillis,
                value,
                statusUri,
                jsonFile);
    }

    /** The agent's status view, fetched once at the end and embedded as {@code agentStatus}. */
    public LoadOptions withStatusUri(URI value) {
        return new LoadOptions(
                target,
                users,
                rampMillis,
                durationMillis,
                verifyPerCycle,
                timeoutMillis,
                paceMillis,
                progressMillis,
                value,
                jsonFile);
    }

    public LoadOptions withJsonFile(Path value) {
        return new LoadOptions(
                target,
                users,
                rampMillis,
                durationMillis,
                verifyPerCycle,
                timeoutMillis,
                paceMillis,
                progressMillis,
                statusUri,
                value);
    }

    public URI target() {
        return target;
    }

    public int users() {
        return users;
    }

    public long rampMillis() {
        return rampMillis;
    }

    public long durationMillis() {
        return durationMillis;
    }

    public int verifyPerCycle() {
        return verifyPerCycle;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    public long paceMillis() {
        return paceMillis;
    }

    public long progressMillis() {
        return progressMillis;
    }

    public URI statusUri() {
        return statusUri;
    }

    public Path jsonFile() {
        return jsonFile;
    }
}

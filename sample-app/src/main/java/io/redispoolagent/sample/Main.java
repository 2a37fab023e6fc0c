package io.redispoolagent.sample;

import io.redispoolagent.sample.cli.Cli;
import io.redispoolagent.sample.cli.UsageException;
import io.redispoolagent.sample.load.LoadGenerator;
import io.redispoolagent.sample.load.LoadOptions;
import io.redispoolagent.sample.load.LoadResult;
import io.redispoolagent.sample.service.SampleService;
import io.redispoolagent.sample.service.ServeOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar sample-app.jar serve|load [options]}; see {@link Cli#USAGE}. */
public final class Main {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    private Main() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != EXIT_OK) {
            System.exit(code);
        }
    }

    /**
     * Runs a command and returns its exit code. {@code serve} returns only when the service cannot start (it
     * otherwise runs until the JVM is stopped).
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            out.println(Cli.USAGE);
            return EXIT_USAGE;
        }
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            switch (command) {
                case "serve":
                    return serve(Cli.parseServe(rest), out, err);
                case "load":
                    return load(Cli.parseLoad(rest), out, err);
                case "help":
                case "--help":
                case "-h":
                    out.println(Cli.USAGE);
                    return EXIT_OK;
                default:
                    throw new UsageException("unknown command '" + command + "' (expected serve or load)");
            }
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("run 'java -jar sample-app.jar help' for usage");
            return EXIT_USAGE;
        }
    }

    private static int serve(ServeOptions options, PrintStream out, PrintStream err) {
        if (options.redisUri() == null) {
            out.println("no --redis given: starting the embedded redis-server (from org.signal:embedded-redis)");
        }
        SampleService service;
        try {
            service = SampleService.start(options);
        } catch (IOException | RuntimeException e) {
            err.println("error: could not start the service: " + e);
            return EXIT_FAILURE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            service.stop();
                            stopped.countDown();
                        },
                        "sample-app-shutdown"));
        out.println("redis: " + service.redisAddress() + (service.embeddedRedis() ? " (embedded redis-server)" : ""));
        if (service.redisLatencyMicros() > 0) {
            out.println("redis latency: " + service.redisLatencyDescription());
        }
        out.println("pool: " + service.client() + ", " + service.poolDescription());
        String redisProblem = service.checkRedis();
        if (redisProblem != null) {
            err.println("warning: Redis at " + service.redisAddress() + " does not answer (" + redisProblem
                    + "); requests will fail with 500 until it does");
        }
        out.println("sample app listening on " + service.url() + "  (POST /login, GET /verify, POST /logout)");
        String statusPort = System.getProperty("redis.pool.status.port");
        if (statusPort != null && !statusPort.trim().isEmpty()) {
            out.println("agent status view: http://127.0.0.1:" + statusPort.trim() + "/");
        }
        String prometheusPort = System.getProperty("otel.exporter.prometheus.port");
        if ("prometheus".equals(System.getProperty("otel.metrics.exporter")) && prometheusPort != null) {
            out.println("agent metrics (Prometheus): http://127.0.0.1:" + prometheusPort.trim() + "/metrics");
        }
        out.println("stop with Ctrl-C");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return EXIT_OK;
    }

    private static int load(LoadOptions options, PrintStream out, PrintStream err) {
        try {
            LoadResult result = new LoadGenerator(options, out).run();
            out.print(result.toText());
            if (options.jsonFile() != null) {
                out.println("  json: " + options.jsonFile());
            }
            out.flush();
            return EXIT_OK;
        } catch (IOException e) {
            err.println("error: " + e);
            return EXIT_FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return EXIT_FAILURE;
        }
    }
}

package io.redispoolagent.export;

import io.redispoolagent.log.AgentLog;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Rate-limited warnings for telemetry: an unreachable collector fails every export, and the
 * application's stderr must not fill with the same line. Each key is logged at most once a minute,
 * with the number of times it was suppressed in between.
 */
final class ExportLog {

    static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private static final java.util.logging.Formatter FORMATTER = new java.util.logging.SimpleFormatter();
    private static final ConcurrentMap<String, Window> WINDOWS = new ConcurrentHashMap<>();

    /** Held strongly: java.util.logging keeps loggers only weakly, and would forget the configuration. */
    private static Logger shadedRoot;

    private ExportLog() {}

    static void warn(String key, String message, Throwable cause) {
        String line = admit(key, message, System.nanoTime());
        if (line != null) {
            AgentLog.warn(cause == null ? line : line + " (" + describe(cause) + ")");
        }
    }

    /** The line to log now for {@code key}, or null while it is suppressed. */
    static String admit(String key, String message, long nowNanos) {
        Window window = WINDOWS.computeIfAbsent(key, ignored -> new Window());
        synchronized (window) {
            if (window.started && nowNanos - window.startNanos < INTERVAL_NANOS) {
                window.suppressed++;
                return null;
            }
            long suppressed = window.suppressed;
            window.started = true;
            window.startNanos = nowNanos;
            window.suppressed = 0;
            return suppressed == 0 ? message : message + " [" + suppressed + " more like it in the last minute]";
        }
    }

    /**
     * The shaded OpenTelemetry SDK and Prometheus server log through java.util.logging under
     * {@code io.redispoolagent.shaded}: their warnings become rate-limited agent lines, the rest is
     * dropped, and none of it reaches the application's own JUL handlers.
     */
    static synchronized void captureShadedLogging(String shadedPrefix) {
        if (shadedRoot != null) {
            return;
        }
        Logger logger = Logger.getLogger(shadedPrefix);
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.WARNING);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record == null || record.getLevel().intValue() < Level.WARNING.intValue()) {
                    return;
                }
                String source = record.getLoggerName() == null ? "" : record.getLoggerName();
                String text = FORMATTER.formatMessage(record);
                String simpleSource = source.substring(source.lastIndexOf('.') + 1);
                // One key for all of it: a failed export logs twice (exporter, then reader), every interval.
                warn("sdk", "telemetry: " + simpleSource + ": " + text, record.getThrown());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
        shadedRoot = logger;
    }

    private static String describe(Throwable cause) {
        String text = cause.getMessage();
        return text == null ? cause.getClass().getName() : cause.getClass().getName() + ": " + text;
    }

    private static final class Window {
        boolean started;
        long startNanos;
        long suppressed;
    }
}

package io.redispoolagent.retry;

/**
 * Maps an exception thrown by Jedis 3–8, Lettuce 5–7 or commons-pool2 to a {@link FailureKind}, by
 * class name (the class and its superclasses) and message, walking the cause chain from the outside
 * in. The agent cannot link against the clients, so no client class is referenced. Allocates nothing.
 *
 * <p>What each client throws (read from the sources of Jedis 3.10.0, 4.4.8, 5.2.0, 6.2.0, 7.5.3, 8.0.x,
 * Lettuce 5.3.7, 6.8.2, 7.7.0 and commons-pool2 2.4–2.13):
 * <ul>
 *   <li>Connect failure. Jedis 3: {@code JedisConnectionException(ConnectException)} (lazily connecting
 *       before the write); Jedis 4+: {@code JedisConnectionException("Failed to connect to host:port.")}
 *       with the {@code ConnectException} as cause. Borrowing from a Jedis pool whose factory cannot
 *       connect: Jedis 3 wraps it in {@code JedisConnectionException("Could not get a resource from the
 *       pool")}, Jedis 4+ rethrows the factory's exception. Jedis 5+ refuses to write on a connection it
 *       marked broken: {@code "Attempting to write to a broken connection."} — not sent. Lettuce: {@code
 *       RedisConnectionException} ("Unable to connect to …", "Connection closed prematurely" in the
 *       handshake; Lettuce uses it only while establishing connections), and with {@code
 *       DisconnectedBehavior.REJECT} {@code RedisException("Currently not connected. Commands are
 *       rejected.")}. commons-pool2 {@code NoSuchElementException("Unable to activate object" / "Unable
 *       to validate object")}: the pool's connection failed its check, the command was not sent.</li>
 *   <li>Broken connection. Jedis: {@code JedisConnectionException} with a {@code SocketException}
 *       (reset, broken pipe) as cause, {@code "Unexpected end of stream."}, {@code "Attempting to read
 *       from a broken connection"}. Lettuce: the channel's {@code IOException} ("Connection reset by
 *       peer"), or {@code RedisException("Connection closed")} for commands cancelled with the channel.</li>
 *   <li>Timeout. Jedis: {@code JedisConnectionException(SocketTimeoutException("Read timed out"))}
 *       ("connect timed out" is a connect failure). Lettuce: {@code RedisCommandTimeoutException}.</li>
 *   <li>Server error reply. Jedis: {@code JedisDataException} and subclasses (NOSCRIPT, BUSY, NOPERM…;
 *       a failed AUTH while connecting too). Lettuce: {@code RedisCommandExecutionException} and
 *       subclasses (LOADING, BUSY, NOSCRIPT, READONLY).</li>
 *   <li>Redirect. Jedis: {@code JedisMovedDataException}, {@code JedisAskDataException} (both {@code
 *       JedisRedirectionException}); Lettuce follows them internally, a leaked one is a {@code
 *       RedisCommandExecutionException} whose message starts with MOVED or ASK.</li>
 *   <li>Pool exhausted. commons-pool2 {@code NoSuchElementException("Timeout waiting for idle object…")}
 *       or {@code ("Pool exhausted")} (the prefix is stable, the suffix varies by version); Jedis 3
 *       {@code JedisExhaustedPoolException}, Jedis 4+ {@code JedisException("Could not get a resource
 *       from the pool", NoSuchElementException)}; Lettuce {@code BoundedAsyncPool}: {@code
 *       NoSuchElementException("Pool exhausted")}.</li>
 *   <li>Other: Jedis cluster's own give-up ({@code JedisClusterOperationException}: "No more cluster
 *       attempts left", "No reachable node in cluster") — the cluster client already retried —,
 *       interrupts, Lettuce {@code RedisException("Connection is closed")} (the application closed it),
 *       and everything else.</li>
 * </ul>
 */
public final class FailureClassifier {

    private static final int MAX_DEPTH = 10;

    private static final String JEDIS = "redis.clients.jedis.exceptions.";
    private static final String LETTUCE = "io.lettuce.core.";

    private FailureClassifier() {}

    public static FailureKind classify(Throwable failure) {
        FailureKind guess = null;
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            Class<?> type = current.getClass();
            String message = current.getMessage();

            // Definite answers, whatever the causes say.
            if (isA(type, JEDIS + "JedisRedirectionException")) {
                return FailureKind.CLUSTER_REDIRECT;
            }
            if (isA(type, JEDIS + "JedisDataException")) {
                return FailureKind.SERVER_ERROR_REPLY;
            }
            if (isA(type, LETTUCE + "RedisCommandExecutionException")) {
                return startsWith(message, "MOVED ") || startsWith(message, "ASK ")
                        ? FailureKind.CLUSTER_REDIRECT
                        : FailureKind.SERVER_ERROR_REPLY;
            }
            if (isA(type, JEDIS + "JedisClusterOperationException")
                    || isA(type, LETTUCE + "RedisCommandInterruptedException")
                    || isA(type, "java.lang.InterruptedException")) {
                return FailureKind.OTHER;
            }
            if (isA(type, LETTUCE + "RedisCommandTimeoutException")) {
                return FailureKind.TIMEOUT;
            }
            if (isA(type, LETTUCE + "RedisConnectionException")) {
                return FailureKind.CONNECT_FAILURE;
            }
            if (isA(type, "java.util.NoSuchElementException")) {
                if (startsWith(message, "Timeout waiting for idle object") || startsWith(message, "Pool exhausted")) {
                    return FailureKind.POOL_EXHAUSTED;
                }
                if (startsWith(message, "Unable to activate object")
                        || startsWith(message, "Unable to validate object")
                        || startsWith(message, "Unable to create")) {
                    return FailureKind.CONNECT_FAILURE;
                }
            }
            if (isA(type, "java.net.SocketTimeoutException")) {
                return containsIgnoreCase(message, "connect timed out")
                        ? FailureKind.CONNECT_FAILURE
                        : FailureKind.TIMEOUT;
            }
            if (isA(type, "java.net.ConnectException")
                    || isA(type, "java.net.NoRouteToHostException")
                    || isA(type, "java.net.UnknownHostException")
                    || isA(type, "java.net.PortUnreachableException")
                    || isA(type, "io.netty.channel.ConnectTimeoutException")) {
                return FailureKind.CONNECT_FAILURE;
            }
            if (isA(type, "java.net.SocketException")
                    || isA(type, "java.io.EOFException")
                    || isA(type, "java.nio.channels.ClosedChannelException")) {
                return FailureKind.CONNECTION_BROKEN;
            }

            // Wrappers: a first guess, which a more telling cause replaces.
            if (isA(type, JEDIS + "JedisConnectionException")) {
                if (startsWith(message, "Failed to connect")
                        || startsWith(message, "Failed connecting")
                        || startsWith(message, "Failed to create connection")
                        || startsWith(message, "Attempting to write to a broken connection")) {
                    return FailureKind.CONNECT_FAILURE;
                }
                if (guess == null) {
                    guess = startsWith(message, "Could not get a resource from the pool")
                            ? FailureKind.CONNECT_FAILURE
                            : FailureKind.CONNECTION_BROKEN;
                }
            } else if (isA(type, JEDIS + "JedisExhaustedPoolException")) {
                if (guess == null) {
                    guess = FailureKind.POOL_EXHAUSTED;
                }
            } else if (isA(type, JEDIS + "JedisException")) {
                if (guess == null && startsWith(message, "Could not get a resource from the pool")) {
                    guess = FailureKind.CONNECT_FAILURE;
                }
            } else if (isExactly(type, LETTUCE + "RedisException")) {
                if (startsWith(message, "Currently not connected")) {
                    return FailureKind.CONNECT_FAILURE;
                }
                if ("Connection closed".equals(message)) {
                    return FailureKind.CONNECTION_BROKEN;
                }
                if (startsWith(message, "Connection is closed")) {
                    return FailureKind.OTHER;
                }
            } else if (isA(type, "java.io.IOException")) {
                // Netty's native transports: "Connection reset by peer", "Broken pipe".
                if (containsIgnoreCase(message, "reset")
                        || containsIgnoreCase(message, "broken pipe")
                        || containsIgnoreCase(message, "closed")) {
                    return FailureKind.CONNECTION_BROKEN;
                }
                if (guess == null) {
                    guess = FailureKind.CONNECTION_BROKEN;
                }
            }

            Throwable cause = current.getCause();
            current = cause == current ? null : cause;
        }
        return guess == null ? FailureKind.OTHER : guess;
    }

    /** True when {@code type} or one of its superclasses is named {@code className}. */
    static boolean isA(Class<?> type, String className) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isExactly(Class<?> type, String className) {
        return type.getName().equals(className);
    }

    private static boolean startsWith(String message, String prefix) {
        return message != null && message.startsWith(prefix);
    }

    private static boolean containsIgnoreCase(String message, String part) {
        if (message == null) {
            return false;
        }
        int last = message.length() - part.length();
        for (int i = 0; i <= last; i++) {
            if (message.regionMatches(true, i, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }
}

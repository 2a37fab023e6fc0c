package io.redispoolagent.testsupport.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP forwarder on loopback that simulates the network between a service and its Redis: every chunk it forwards
 * is held for half the configured round trip, in each direction, so a request/reply exchange costs about one round
 * trip more than on loopback (Redis in the same cloud region is typically 0.5–2 ms away; loopback is ~50 µs).
 *
 * <p>One accept thread, and per proxied connection one pair of pump threads (client→server, server→client). Each
 * pump reads a chunk, waits until {@code readTime + oneWayDelay}, then writes it: exact for request/reply
 * traffic (Redis without pipelining, as the sample app uses it); a chunk that arrives while the previous one is
 * still held waits a little longer (this is not a bandwidth model). End of stream on one side half-closes the other
 * side's output; an error or {@link #close()} closes both sockets. Only loopback/the given upstream are contacted.
 *
 * <pre>{@code
 * try (LatencyProxy proxy = LatencyProxy.start("127.0.0.1", redisPort, TimeUnit.MILLISECONDS.toNanos(1))) {
 *   new Jedis("127.0.0.1", proxy.port());   // each command now takes >= 1 ms
 * }
 * }</pre>
 */
public final class LatencyProxy implements AutoCloseable {
    private static final long PUMP_STACK_BYTES = 256 * 1024;
    private static final int CHUNK = 16 * 1024;

    private final String upstreamHost;
    private final int upstreamPort;
    private final long roundTripNanos;
    private final long oneWayNanos;
    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;

    private LatencyProxy(String upstreamHost, int upstreamPort, long roundTripNanos) throws IOException {
        if (roundTripNanos < 0) {
            throw new IllegalArgumentException("round trip must not be negative: " + roundTripNanos + " ns");
        }
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        this.roundTripNanos = roundTripNanos;
        this.oneWayNanos = roundTripNanos / 2;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        this.acceptor = new Thread(this::acceptLoop, "latency-proxy-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on a free loopback port and forwards to {@code upstreamHost:upstreamPort} with the given round trip. */
    public static LatencyProxy start(String upstreamHost, int upstreamPort, long roundTripNanos) throws IOException {
        return new LatencyProxy(upstreamHost, upstreamPort, roundTripNanos);
    }

    /** The loopback address clients connect to. */
    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    public int port() {
        return server.getLocalPort();
    }

    public long roundTripNanos() {
        return roundTripNanos;
    }

    /** Connections accepted so far. */
    public int connectionsAccepted() {
        return connections.get();
    }

    /** Stops accepting and closes every proxied connection. Idempotent. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        sockets.clear();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue; // e.g. too many open files for a moment: keep serving the others
            }
            int id = connections.incrementAndGet();
            Socket upstream = new Socket();
            try {
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                upstream.connect(new InetSocketAddress(upstreamHost, upstreamPort), 10_000);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(upstream);
                continue;
            }
            sockets.add(client);
            sockets.add(upstream);
            if (closed) { // close() may have run between accept and add
                closeQuietly(client);
                closeQuietly(upstream);
                return;
            }
            Connection c = new Connection(client, upstream);
            startPump(c, client, upstream, "latency-proxy-" + id + "-up");
            startPump(c, upstream, client, "latency-proxy-" + id + "-down");
        }
    }

    private void startPump(Connection c, Socket from, Socket to, String name) {
        Thread t = new Thread(null, () -> c.pump(from, to), name, PUMP_STACK_BYTES);
        t.setDaemon(true);
        t.start();
    }

    /** One proxied connection: two sockets, two pumps; closed when both directions ended or either failed. */
    private final class Connection {
        private final Socket client;
        private final Socket upstream;
        private final AtomicInteger finishedDirections = new AtomicInteger();

        Connection(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void pump(Socket from, Socket to) {
            byte[] buffer = new byte[CHUNK];
            boolean clean = false;
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (n == 0) {
                        continue;
                    }
                    sleepUntil(System.nanoTime() + oneWayNanos);
                    out.write(buffer, 0, n);
                    out.flush();
                }
                // End of stream: after the same delay (a FIN travels like data), pass the half-close on.
                sleepUntil(System.nanoTime() + oneWayNanos);
                to.shutdownOutput();
                clean = true;
            } catch (IOException e) {
                // reset, or closed by the other pump / close(): fall through and close both
            } finally {
                if (!clean || finishedDirections.incrementAndGet() == 2) {
                    closeBoth();
                }
            }
        }

        private void closeBoth() {
            closeQuietly(client);
            closeQuietly(upstream);
            sockets.remove(client);
            sockets.remove(upstream);
        }
    }

    /** Parks until {@code deadline} (System.nanoTime()); parkNanos wakes within tens of microseconds on Linux. */
    static void sleepUntil(long deadline) throws IOException {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
            if (Thread.interrupted()) {
                throw new SocketException("interrupted");
            }
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public String toString() {
        return "LatencyProxy[127.0.0.1:" + port() + " -> " + upstreamHost + ":" + upstreamPort + ", round trip "
                + TimeUnit.NANOSECONDS.toMicros(roundTripNanos) + " us]";
    }
}

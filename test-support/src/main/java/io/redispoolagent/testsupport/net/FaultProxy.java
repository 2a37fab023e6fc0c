package io.redispoolagent.testsupport.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback in front of a redis-server, for fault tests: plain sockets, two threads per
 * connection. Faults: {@link #resetAll()} (RST every open connection, both sides), {@link #resetRound()}
 * (the same for the connections already open two rounds ago: a storm of resets), {@link
 * #stall(boolean)} (stop forwarding, connections stay open), {@link #down()} / {@link #up()} (stop
 * listening and reset everything: connects are refused, as when Redis is down), {@link
 * #rejectNew(boolean)} (accept, then reset at once). Records when each connection was accepted.
 */
public final class FaultProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    /** Each open connection, with the {@link #resetRound()} count at its accept. */
    private final Map<Socket[], Long> pairs = new ConcurrentHashMap<>();

    private final AtomicLong rounds = new AtomicLong();
    private final List<Long> acceptNanos = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile boolean stalled;
    private volatile boolean rejecting;
    private volatile boolean closed;

    public FaultProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = listen(0);
        this.port = server.getLocalPort();
        startAcceptor(server);
    }

    public int port() {
        return port;
    }

    /** When each connection was accepted (System.nanoTime), in order. */
    public List<Long> acceptNanos() {
        return new ArrayList<>(acceptNanos);
    }

    /** Resets every open connection: the client sees "Connection reset", Redis sees the client go. */
    public void resetAll() {
        for (Socket[] pair : pairs.keySet()) {
            reset(pair);
        }
    }

    /**
     * One round of a reset storm: resets the connections that were already open two rounds ago and
     * returns how many. Sparing the younger ones is what a real fault does (it hits established
     * connections, not each reconnect within milliseconds); resetting a retry's new connection in the
     * middle of its handshake would make the outcome depend on how fast the machine completes one.
     */
    public int resetRound() {
        long round = rounds.incrementAndGet();
        int reset = 0;
        for (Map.Entry<Socket[], Long> pair : pairs.entrySet()) {
            if (pair.getValue() <= round - 3) {
                reset(pair.getKey());
                reset++;
            }
        }
        return reset;
    }

    public void stall(boolean stall) {
        stalled = stall;
    }

    public void rejectNew(boolean reject) {
        rejecting = reject;
    }

    /** Stops listening and resets every connection: new connects are refused. */
    public synchronized void down() throws IOException {
        ServerSocket current = server;
        server = null;
        if (current != null) {
            current.close();
        }
        resetAll();
    }

    public synchronized void up() throws IOException {
        if (server == null) {
            server = listen(port);
            startAcceptor(server);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        down();
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return socket;
    }

    private void startAcceptor(ServerSocket listening) {
        Thread acceptor = new Thread(
                () -> {
                    while (!closed && !listening.isClosed()) {
                        try {
                            Socket client = listening.accept();
                            acceptNanos.add(System.nanoTime());
                            client.setTcpNoDelay(true);
                            if (rejecting) {
                                reset(new Socket[] {client, null});
                                continue;
                            }
                            Socket upstream;
                            try {
                                upstream = new Socket(targetHost, targetPort);
                            } catch (IOException refused) {
                                reset(new Socket[] {client, null});
                                continue;
                            }
                            upstream.setTcpNoDelay(true);
                            Socket[] pair = {client, upstream};
                            pairs.put(pair, rounds.get());
                            pump(pair, client, upstream);
                            pump(pair, upstream, client);
                        } catch (IOException stopped) {
                            // closed by down() or close(), or the upstream refused: keep going while listening
                        }
                    }
                },
                "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pump(Socket[] pair, Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try {
                        InputStream in = from.getInputStream();
                        OutputStream out = to.getOutputStream();
                        for (int n; (n = in.read(buffer)) >= 0; ) {
                            while (stalled && !from.isClosed()) {
                                Thread.sleep(1);
                            }
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException | InterruptedException ended) {
                        // reset, or the other side went
                    } finally {
                        closeQuietly(pair);
                    }
                },
                "fault-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void reset(Socket[] pair) {
        for (Socket socket : pair) {
            if (socket != null) {
                try {
                    socket.setSoLinger(true, 0);
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }
        closeQuietly(pair);
    }

    private void closeQuietly(Socket[] pair) {
        pairs.remove(pair);
        for (Socket socket : pair) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        }
    }
}

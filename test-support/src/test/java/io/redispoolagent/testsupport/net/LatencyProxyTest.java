package io.redispoolagent.testsupport.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class LatencyProxyTest {
    private ServerSocket upstream;
    /** The server side of every connection the proxy opened upstream. */
    private final BlockingQueue<Socket> accepted = new ArrayBlockingQueue<>(16);

    @BeforeEach
    void startUpstream() throws IOException {
        upstream = new ServerSocket();
        upstream.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(
                () -> {
                    while (!upstream.isClosed()) {
                        try {
                            Socket s = upstream.accept();
                            s.setTcpNoDelay(true);
                            accepted.add(s);
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "test-upstream");
        t.setDaemon(true);
        t.start();
    }

    @AfterEach
    void stopUpstream() throws IOException {
        upstream.close();
        for (Socket s : accepted) {
            s.close();
        }
    }

    /** Echoes everything on one accepted connection until end of stream, then closes it. */
    private static void echo(Socket s) {
        Thread t = new Thread(
                () -> {
                    byte[] b = new byte[8192];
                    try (Socket socket = s) {
                        InputStream in = socket.getInputStream();
                        OutputStream out = socket.getOutputStream();
                        int n;
                        while ((n = in.read(b)) >= 0) {
                            out.write(b, 0, n);
                            out.flush();
                        }
                    } catch (IOException ignored) {
                        // test over
                    }
                },
                "test-echo");
        t.setDaemon(true);
        t.start();
    }

    private static byte[] readFully(InputStream in, int length) throws IOException {
        byte[] b = new byte[length];
        int off = 0;
        while (off < length) {
            int n = in.read(b, off, length - off);
            if (n < 0) {
                throw new IOException("end of stream after " + off + " of " + length + " bytes");
            }
            off += n;
        }
        return b;
    }

    @Test
    void eachRoundTripTakesAtLeastTheLatency() throws Exception {
        long latency = TimeUnit.MILLISECONDS.toNanos(2);
        try (LatencyProxy proxy = LatencyProxy.start("127.0.0.1", upstream.getLocalPort(), latency);
                Socket client = new Socket(proxy.host(), proxy.port())) {
            client.setTcpNoDelay(true);
            echo(accepted.poll(5, TimeUnit.SECONDS));
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();
            long min = Long.MAX_VALUE;
            long total = 0;
            int rounds = 20;
            for (int i = 0; i < rounds; i++) {
                byte[] ping = ("*1\r\n$4\r\nPING\r\n" + i).getBytes("US-ASCII");
                long t0 = System.nanoTime();
                out.write(ping);
                out.flush();
                byte[] reply = readFully(in, ping.length);
                long rtt = System.nanoTime() - t0;
                assertThat(reply).isEqualTo(ping);
                min = Math.min(min, rtt);
                total += rtt;
            }
            assertThat(min).as("fastest round trip (ns)").isGreaterThanOrEqualTo(latency);
            // Not a precision instrument, but it should not be wildly slower than asked on an idle-ish machine.
            assertThat(total / rounds)
                    .as("mean round trip (ns)")
                    .isLessThan(latency + TimeUnit.MILLISECONDS.toNanos(50));
            assertThat(proxy.connectionsAccepted()).isEqualTo(1);
        }
    }

    @Test
    void bytesArriveIntactInBothDirections() throws Exception {
        try (LatencyProxy proxy = LatencyProxy.start("127.0.0.1", upstream.getLocalPort(), 200_000);
                Socket client = new Socket(proxy.host(), proxy.port())) {
            echo(accepted.poll(5, TimeUnit.SECONDS));
            byte[] data = new byte[1_000_000];
            new Random(42).nextBytes(data);
            Thread writer = new Thread(
                    () -> {
                        try {
                            OutputStream out = client.getOutputStream();
                            for (int off = 0; off < data.length; off += 7_919) {
                                out.write(data, off, Math.min(7_919, data.length - off));
                            }
                            out.flush();
                            client.shutdownOutput();
                        } catch (IOException e) {
                            throw new RuntimeException(e);
                        }
                    },
                    "test-writer");
            writer.start();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = client.getInputStream();
            byte[] b = new byte[8192];
            int n;
            while ((n = in.read(b)) >= 0) { // the echo closes after our half-close has passed through
                got.write(b, 0, n);
            }
            writer.join();
            assertThat(got.size()).isEqualTo(data.length);
            assertThat(Arrays.equals(got.toByteArray(), data))
                    .as("bytes intact")
                    .isTrue();
        }
    }

    @Test
    void clientCloseReachesUpstream() throws Exception {
        try (LatencyProxy proxy = LatencyProxy.start("127.0.0.1", upstream.getLocalPort(), 1_000_000)) {
            Socket client = new Socket(proxy.host(), proxy.port());
            Socket server = accepted.poll(5, TimeUnit.SECONDS);
            client.getOutputStream().write('x');
            client.close();
            server.setSoTimeout(5_000);
            InputStream in = server.getInputStream();
            assertThat(in.read()).isEqualTo('x');
            assertThat(in.read()).as("end of stream upstream").isEqualTo(-1);
        }
    }

    @Test
    void upstreamCloseReachesClient() throws Exception {
        try (LatencyProxy proxy = LatencyProxy.start("127.0.0.1", upstream.getLocalPort(), 1_000_000);
                Socket client = new Socket(proxy.host(), proxy.port())) {
            Socket server = accepted.poll(5, TimeUnit.SECONDS);
            server.getOutputStream().write("-ERR bye\r\n".getBytes("US-ASCII"));
            server.close();
            client.setSoTimeout(5_000);
            InputStream in = client.getInputStream();
            assertThat(new String(readFully(in, 10), "US-ASCII")).isEqualTo("-ERR bye\r\n");
            assertThat(in.read()).as("end of stream at the client").isEqualTo(-1);
        }
    }

    @Test
    void closingTheProxyClosesItsConnections() throws Exception {
        LatencyProxy proxy = LatencyProxy.start("127.0.0.1", upstream.getLocalPort(), 1_000_000);
        try (Socket client = new Socket(proxy.host(), proxy.port())) {
            Socket server = accepted.poll(5, TimeUnit.SECONDS);
            assertThat(server).isNotNull();
            proxy.close();
            client.setSoTimeout(5_000);
            int r;
            try {
                r = client.getInputStream().read();
            } catch (IOException reset) {
                r = -1;
            }
            assertThat(r).isEqualTo(-1);
            try (Socket again = new Socket()) {
                again.connect(new InetSocketAddress(proxy.host(), proxy.port()), 1_000);
                // A new connection may be accepted by the OS backlog only if the listening socket were still open.
                again.setSoTimeout(2_000);
                int x;
                try {
                    x = again.getInputStream().read();
                } catch (IOException e) {
                    x = -1;
                }
                assertThat(x).isEqualTo(-1);
            } catch (IOException refused) {
                // expected: nobody listens any more
            }
        }
    }
}

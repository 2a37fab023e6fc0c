package io.redispoolagent.testsupport.redis;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A minimal RESP2 client on a plain socket, for fault injection and checks that must not go through a client library. */
public final class RespClient implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    /** Connects with a 5 s timeout for the connect and for each reply. */
    public RespClient(String host, int port) throws IOException {
        this(host, port, 5_000);
    }

    public RespClient(String host, int port, int timeoutMillis) throws IOException {
        socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
        } catch (IOException e) {
            // The launcher probes a starting server every 20 ms: a refused connect must not leak its socket.
            socket.close();
            throw e;
        }
        in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        out = socket.getOutputStream();
    }

    /** Sends one command, returns its reply: String, Long, List, null, or a RuntimeException for an error reply. */
    public Object call(String... args) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(("*" + args.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (String arg : args) {
            byte[] raw = arg.getBytes(StandardCharsets.UTF_8);
            bytes.write(("$" + raw.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            bytes.write(raw);
            bytes.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(bytes.toByteArray());
        out.flush();
        return read();
    }

    public static Object once(String host, int port, String... args) throws IOException {
        try (RespClient client = new RespClient(host, port)) {
            return client.call(args);
        }
    }

    private Object read() throws IOException {
        int type = in.read();
        String line = line();
        switch (type) {
            case '+':
                return line;
            case '-':
                return new RuntimeException(line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] data = new byte[length + 2];
                in.readFully(data);
                return new String(data, 0, length, StandardCharsets.UTF_8);
            }
            case '*': {
                int count = Integer.parseInt(line);
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    items.add(read());
                }
                return items;
            }
            default:
                throw new IOException("unexpected RESP type " + type);
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != '\r'; ) {
            if (c < 0) {
                throw new IOException("end of stream");
            }
            line.append((char) c);
        }
        in.read();
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

package io.redispoolagent.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports for the exporters and views a child JVM opens. */
public final class Ports {

    private Ports() {}

    /** A port free on this machine now; the child binds it a moment later. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.redispoolagent.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Captures what the agent logs (its lines go to System.err) during each test: use with @RegisterExtension. */
public final class CapturedStderr implements BeforeEachCallback, AfterEachCallback {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;

    @Override
    public void beforeEach(ExtensionContext context) {
        captured.reset();
        original = System.err;
        System.setErr(new PrintStream(captured, true));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setErr(original);
    }

    public String text() {
        return new String(captured.toByteArray(), StandardCharsets.UTF_8);
    }
}

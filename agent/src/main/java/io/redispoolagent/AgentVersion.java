package io.redispoolagent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The agent's version, as stamped into the jar by the build. */
public final class AgentVersion {

    private static final String VERSION = load();

    private AgentVersion() {}

    public static String get() {
        return VERSION;
    }

    private static String load() {
        Properties properties = new Properties();
        try (InputStream in = AgentVersion.class.getResourceAsStream("agent.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException unreadable) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}

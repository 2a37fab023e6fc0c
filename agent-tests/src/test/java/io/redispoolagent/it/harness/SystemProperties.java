package io.redispoolagent.it.harness;

/** The paths the build hands to the tests (see the surefire configuration in agent-tests/pom.xml). */
public final class SystemProperties {

    private SystemProperties() {}

    public static String require(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("system property " + name + " is not set: run the tests through"
                    + " Maven (mvn -pl agent-tests test), whose surefire configuration sets it");
        }
        return value;
    }
}

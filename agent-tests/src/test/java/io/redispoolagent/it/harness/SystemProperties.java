package io.redispoolagent.it.harness;

/** The paths the build hands to the tests (see the surefire configuration in agent-tests/pom.xml). */
final class SystemProperties {

    private SystemProperties() {}

    static String require(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run the tests through"
                    + " Maven (mvn -pl agent-tests test), whose surefire configuration sets it");
        }
        return value;
    }
}

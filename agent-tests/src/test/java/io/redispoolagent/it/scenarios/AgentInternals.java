package io.redispoolagent.it.scenarios;

import java.util.List;
import java.util.Map;

/**
 * What the agent in this child JVM has counted, read through its runtime by reflection: the agent's
 * classes are on the system class path, the scenario apps do not compile against them.
 */
final class AgentInternals {

    private AgentInternals() {}

    /** The registered Redis pools' records; throws ClassNotFoundException without the agent. */
    @SuppressWarnings("unchecked")
    static List<Object> pools() throws Exception {
        Object registry = call(runtime(), "registry");
        return (List<Object>) call(registry, "pools");
    }

    /** One pool record's retry counts, by outcome. */
    static Map<Object, Long> retryCounts(Object record) throws Exception {
        return counts(call(record, "retryStats"));
    }

    /** The retry counts of commands of no pool the agent knows, by outcome. */
    static Map<Object, Long> unpooledRetryCounts() throws Exception {
        return counts(call(call(runtime(), "retry"), "unpooledStats"));
    }

    static Object call(Object target, String method) throws Exception {
        return target.getClass().getMethod(method).invoke(target);
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Long> counts(Object stats) throws Exception {
        return (Map<Object, Long>) call(stats, "snapshot");
    }

    private static Object runtime() throws Exception {
        return Class.forName("io.redispoolagent.runtime.AgentRuntime")
                .getMethod("current")
                .invoke(null);
    }
}

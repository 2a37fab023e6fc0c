package io.redispoolagent.it.scenarios;

import java.util.HashMap;
import java.util.Map;

/** The {@code key=value} arguments the workload scenarios take. */
final class ScenarioArgs {

    private ScenarioArgs() {}

    static Map<String, String> parse(String[] argv) {
        Map<String, String> args = new HashMap<>();
        for (String arg : argv) {
            int eq = arg.indexOf('=');
            args.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return args;
    }
}

package io.redispoolagent.instrument.lettuce;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Lettuce {@code CommandArgs}' arguments as the command table reads them: keywords and numbers as
 * their text, keys, values and secrets as a placeholder that matches no keyword (so a value is never
 * decoded through the application's codec, nor a password turned into a string). Read from the
 * package-private {@code singularArguments} list, the same in Lettuce 5.3 to 7.7; on the failure path only.
 */
final class LettuceArguments {

    /** Cannot be a Redis keyword or number: what a key, value or secret reads as. */
    static final String OPAQUE = "\u0000";

    private LettuceArguments() {}

    static List<Object> of(Object commandArgs) {
        Object singular = commandArgs == null ? null : LettuceMembers.SINGULAR_ARGUMENTS.read(commandArgs);
        if (!(singular instanceof List)) {
            return Collections.emptyList();
        }
        List<Object> arguments = new ArrayList<>();
        for (Object argument : (List<?>) singular) {
            arguments.add(text(argument));
        }
        return arguments;
    }

    private static Object text(Object argument) {
        String type = argument == null ? "" : argument.getClass().getSimpleName();
        switch (type) {
            case "ProtocolKeywordArgument":
            case "StringArgument":
            case "IntegerArgument":
            case "DoubleArgument":
                return argument.toString();
            default:
                return OPAQUE;
        }
    }
}

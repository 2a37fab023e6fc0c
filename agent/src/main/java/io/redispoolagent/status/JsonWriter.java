package io.redispoolagent.status;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes indented JSON by hand: the agent carries no JSON library (nothing that could meet the
 * application's own Jackson or Gson). Strings are escaped per RFC 8259, and everything outside
 * printable ASCII is written as a {@code \}{@code uXXXX} escape, so the output is plain ASCII whatever the
 * charset a reader assumes, and a lone surrogate can never turn into an encoding error.
 * Non-finite numbers (NaN: nothing measured yet) are written as {@code null}.
 */
final class JsonWriter {

    private final StringBuilder out = new StringBuilder(1024);
    /** Per open object or array: true until its first member is written. */
    private final Deque<Boolean> first = new ArrayDeque<>();

    private boolean afterName;

    JsonWriter beginObject() {
        return open('{');
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray() {
        return open('[');
    }

    JsonWriter endArray() {
        return close(']');
    }

    JsonWriter name(String name) {
        separate();
        escape(name, out);
        out.append(": ");
        afterName = true;
        return this;
    }

    JsonWriter value(String text) {
        separate();
        if (text == null) {
            out.append("null");
        } else {
            escape(text, out);
        }
        return this;
    }

    JsonWriter value(long number) {
        separate();
        out.append(number);
        return this;
    }

    JsonWriter value(boolean flag) {
        separate();
        out.append(flag);
        return this;
    }

    /** A number, or null when it is NaN or infinite; written plainly ({@code 0.0001}, never {@code 1.0E-4}). */
    JsonWriter value(double number) {
        separate();
        out.append(number(number));
        return this;
    }

    /** A number rounded to {@code decimals} places, or null when it is NaN or infinite. */
    JsonWriter value(double number, int decimals) {
        return value(round(number, decimals));
    }

    JsonWriter nullValue() {
        separate();
        out.append("null");
        return this;
    }

    JsonWriter field(String name, String text) {
        return name(name).value(text);
    }

    JsonWriter field(String name, long number) {
        return name(name).value(number);
    }

    JsonWriter field(String name, boolean flag) {
        return name(name).value(flag);
    }

    JsonWriter field(String name, double number, int decimals) {
        return name(name).value(number, decimals);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static double round(double number, int decimals) {
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            return number;
        }
        return BigDecimal.valueOf(number)
                .setScale(decimals, java.math.RoundingMode.HALF_UP)
                .doubleValue();
    }

    static String number(double number) {
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            return "null";
        }
        if (number == Math.rint(number) && Math.abs(number) < 1e15) {
            return Long.toString((long) number);
        }
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    /** Appends {@code text} as a JSON string literal, quotes included. */
    static void escape(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                default:
                    if (c < 0x20 || c > 0x7e) {
                        out.append("\\u");
                        String hex = Integer.toHexString(c);
                        for (int pad = hex.length(); pad < 4; pad++) {
                            out.append('0');
                        }
                        out.append(hex);
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        escape(text, out);
        return out.toString();
    }

    private JsonWriter open(char bracket) {
        separate();
        out.append(bracket);
        first.push(Boolean.TRUE);
        return this;
    }

    private JsonWriter close(char bracket) {
        boolean empty = first.pop();
        if (!empty) {
            newline();
        }
        out.append(bracket);
        return this;
    }

    /** The comma and line break before a member; nothing after a name (the value follows it). */
    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (first.isEmpty()) {
            return;
        }
        if (first.peek()) {
            first.pop();
            first.push(Boolean.FALSE);
        } else {
            out.append(',');
        }
        newline();
    }

    private void newline() {
        out.append('\n');
        for (int i = 0; i < first.size(); i++) {
            out.append("  ");
        }
    }
}

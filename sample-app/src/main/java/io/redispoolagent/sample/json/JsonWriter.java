package io.redispoolagent.sample.json;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * A tiny streaming JSON writer: objects, arrays, strings, numbers, booleans, null, and already-serialised JSON
 * ({@link #rawValue}). Output is indented with two spaces. Non-finite numbers are written as null.
 */
public final class JsonWriter {
  private final StringBuilder out = new StringBuilder();
  /** One entry per open container: true once it has a first element. */
  private final Deque<boolean[]> stack = new ArrayDeque<>();
  private boolean pendingName;

  public JsonWriter beginObject() {
    beforeValue();
    out.append('{');
    stack.push(new boolean[] {false});
    return this;
  }

  public JsonWriter endObject() {
    return end('}');
  }

  public JsonWriter beginArray() {
    beforeValue();
    out.append('[');
    stack.push(new boolean[] {false});
    return this;
  }

  public JsonWriter endArray() {
    return end(']');
  }

  private JsonWriter end(char close) {
    boolean[] top = stack.pop();
    if (top[0]) {
      newline();
    }
    out.append(close);
    return this;
  }

  public JsonWriter name(String name) {
    if (pendingName) {
      throw new IllegalStateException("name '" + name + "' follows another name without a value");
    }
    separator();
    quote(name);
    out.append(": ");
    pendingName = true;
    return this;
  }

  public JsonWriter value(String value) {
    if (value == null) {
      return nullValue();
    }
    beforeValue();
    quote(value);
    return this;
  }

  public JsonWriter value(long value) {
    beforeValue();
    out.append(value);
    return this;
  }

  /** Up to 3 decimals (trailing zeros dropped); NaN and infinities become null. */
  public JsonWriter value(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return nullValue();
    }
    beforeValue();
    out.append(formatNumber(value));
    return this;
  }

  public JsonWriter value(boolean value) {
    beforeValue();
    out.append(value);
    return this;
  }

  public JsonWriter nullValue() {
    beforeValue();
    out.append("null");
    return this;
  }

  /** Inserts {@code json} as the value unchanged; the caller vouches that it is valid JSON. */
  public JsonWriter rawValue(String json) {
    beforeValue();
    out.append(json.trim());
    return this;
  }

  public JsonWriter field(String name, String value) {
    return name(name).value(value);
  }

  public JsonWriter field(String name, long value) {
    return name(name).value(value);
  }

  public JsonWriter field(String name, double value) {
    return name(name).value(value);
  }

  public JsonWriter field(String name, boolean value) {
    return name(name).value(value);
  }

  @Override
  public String toString() {
    if (!stack.isEmpty()) {
      throw new IllegalStateException("unclosed JSON container");
    }
    return out.toString();
  }

  /** A number formatted with at most 3 decimals, '.' as separator, no exponent. */
  public static String formatNumber(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    String s = String.format(Locale.ROOT, "%.3f", value);
    int end = s.length();
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    if (s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }

  /** {@code text} as a quoted, escaped JSON string. */
  public static String quoted(String text) {
    JsonWriter w = new JsonWriter();
    w.quote(text);
    return w.out.toString();
  }

  private void beforeValue() {
    if (pendingName) {
      pendingName = false;
      return;
    }
    if (!stack.isEmpty()) {
      separator();
    } else if (out.length() > 0) {
      throw new IllegalStateException("a JSON document has one top-level value");
    }
  }

  private void separator() {
    boolean[] top = stack.peek();
    if (top == null) {
      throw new IllegalStateException("a name outside an object");
    }
    if (top[0]) {
      out.append(',');
    }
    top[0] = true;
    newline();
  }

  private void newline() {
    out.append('\n');
    for (int i = 0; i < stack.size(); i++) {
      out.append("  ");
    }
  }

  private void quote(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
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
        default:
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}

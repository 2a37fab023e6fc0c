package io.redispoolagent.sample.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

  @Test
  void nestedDocument() {
    String json = new JsonWriter().beginObject()
        .field("a", 1)
        .name("b").beginArray().value("x").value(true).nullValue().endArray()
        .name("c").beginObject().endObject()
        .name("d").rawValue(" {\"k\": [1, 2]} ")
        .endObject().toString();
    assertThat(json).isEqualTo("{\n  \"a\": 1,\n  \"b\": [\n    \"x\",\n    true,\n    null\n  ],\n  \"c\": {},\n"
        + "  \"d\": {\"k\": [1, 2]}\n}");
  }

  @Test
  void escapesStrings() {
    assertThat(JsonWriter.quoted("a\"b\\c\nd\te\u0001\u2028")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001\\u2028\"");
  }

  @Test
  void numbers() {
    assertThat(JsonWriter.formatNumber(3.0)).isEqualTo("3");
    assertThat(JsonWriter.formatNumber(0.1234567)).isEqualTo("0.123");
    assertThat(JsonWriter.formatNumber(2.5)).isEqualTo("2.5");
    assertThat(JsonWriter.formatNumber(-1.25)).isEqualTo("-1.25");
    assertThat(JsonWriter.formatNumber(1234567.891)).isEqualTo("1234567.891");
    assertThat(new JsonWriter().beginArray().value(Double.NaN).value(Double.POSITIVE_INFINITY).endArray().toString())
        .isEqualTo("[\n  null,\n  null\n]");
  }

  @Test
  void misuseIsCaught() {
    assertThatThrownBy(() -> new JsonWriter().beginObject().toString()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new JsonWriter().beginObject().name("a").name("b"))
        .isInstanceOf(IllegalStateException.class);
  }
}

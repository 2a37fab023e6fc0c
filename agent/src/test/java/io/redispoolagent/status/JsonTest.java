package io.redispoolagent.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void stringsAreEscapedPerRfc8259AndTheOutputIsAscii() {
        assertThat(JsonWriter.quote("plain host:6379/0")).isEqualTo("\"plain host:6379/0\"");
        assertThat(JsonWriter.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(JsonWriter.quote("line\nbreak\r\ttab\b\f")).isEqualTo("\"line\\nbreak\\r\\ttab\\b\\f\"");
        assertThat(JsonWriter.quote("\u0000\u001f\u007f")).isEqualTo("\"\\u0000\\u001f\\u007f\"");
        assertThat(JsonWriter.quote("caf\u00e9 \u2028")).isEqualTo("\"caf\\u00e9 \\u2028\"");
        // a lone surrogate stays an escape, never a '?' of a charset encoder
        assertThat(JsonWriter.quote("\ud83d")).isEqualTo("\"\\ud83d\"");
        assertThat(JsonWriter.quote("</script>")).isEqualTo("\"</script>\"");
    }

    @Test
    void everyStringSurvivesARoundTrip() {
        List<String> samples = Arrays.asList(
                "", "x", "\"\\/", "\u0001\n\u001f", "\u00e9\u4e2d\ud83d\ude00", "\ud800", "sentinel:my\"master/0");
        for (String sample : samples) {
            assertThat(JsonReader.parse(JsonWriter.quote(sample))).isEqualTo(sample);
        }
    }

    @Test
    void numbersArePlainAndNonFiniteOnesAreNull() {
        assertThat(JsonWriter.number(3)).isEqualTo("3");
        assertThat(JsonWriter.number(0.0001)).isEqualTo("0.0001");
        assertThat(JsonWriter.number(-2.5)).isEqualTo("-2.5");
        assertThat(JsonWriter.number(Double.NaN)).isEqualTo("null");
        assertThat(JsonWriter.number(Double.POSITIVE_INFINITY)).isEqualTo("null");
        assertThat(JsonWriter.round(1.23456, 3)).isEqualTo(1.235);
    }

    @Test
    void nestedDocumentsAreValidAndReadBack() {
        String text = new JsonWriter()
                .beginObject()
                .field("name", "a\"b")
                .field("count", 3)
                .field("ratio", 0.75, 2)
                .field("nan", Double.NaN, 2)
                .field("on", true)
                .name("empty")
                .beginArray()
                .endArray()
                .name("none")
                .beginObject()
                .endObject()
                .name("list")
                .beginArray()
                .value(1)
                .value("two")
                .nullValue()
                .beginObject()
                .field("k", "v")
                .endObject()
                .endArray()
                .endObject()
                .toString();

        Object parsed = JsonReader.parse(text);
        assertThat(parsed).isInstanceOf(Map.class);
        Map<?, ?> map = (Map<?, ?>) parsed;
        assertThat(map.get("name")).isEqualTo("a\"b");
        assertThat(map.get("count")).isEqualTo(3.0);
        assertThat(map.get("ratio")).isEqualTo(0.75);
        assertThat(map.containsKey("nan")).isTrue();
        assertThat(map.get("nan")).isNull();
        assertThat(map.get("on")).isEqualTo(true);
        assertThat((List<?>) map.get("empty")).isEmpty();
        assertThat((Map<?, ?>) map.get("none")).isEmpty();
        assertThat((List<?>) map.get("list")).hasSize(4);
        assertThat(text).contains("\n  \"count\": 3,\n");
    }

    @Test
    void theReaderRejectsWhatIsNotJson() {
        for (String bad : Arrays.asList(
                "",
                "{",
                "{\"a\" 1}",
                "[1,]x",
                "\"unterminated",
                "nul",
                "{\"a\":1} extra",
                "\"bad \\q escape\"",
                "<html>")) {
            assertThatThrownBy(() -> JsonReader.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

package io.redispoolagent.testsupport.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void readsObjectsInDocumentOrderWithEveryNumberADouble() {
        Map<String, Object> json = JsonReader.object(
                "{\"z\": 8, \"a\": [1.5, \"x\", true, null], \"m\": {\"k\": -2e3}, \"s\": \"a\\\"b\\u00e9\"}");
        assertThat(json).containsOnlyKeys("z", "a", "m", "s");
        assertThat(json.keySet()).containsExactly("z", "a", "m", "s");
        assertThat(json.get("z")).isEqualTo(8.0);
        assertThat(json.get("a")).isEqualTo(Arrays.asList(1.5, "x", true, null));
        assertThat(json.get("m")).isEqualTo(Collections.singletonMap("k", -2000.0));
        assertThat(json.get("s")).isEqualTo("a\"b\u00e9");
    }

    @Test
    void rejectsAnythingButExactlyOneValidDocument() {
        for (String bad : new String[] {"", "{", "{} {}", "{\"a\": }", "[1,]", "nul"}) {
            assertThatThrownBy(() -> JsonReader.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> JsonReader.object("[1]")).hasMessageContaining("not a JSON object");
    }
}

package io.redispoolagent.sample.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormParsingTest {

    @Test
    void decodesFormBodies() {
        Map<String, String> p = new LinkedHashMap<>();
        SampleService.parseForm("user=vu%2017&password=a+b&flag&=x&bad=%zz", p);
        assertThat(p)
                .containsEntry("user", "vu 17")
                .containsEntry("password", "a b")
                .containsEntry("flag", "")
                .doesNotContainKey("bad")
                .hasSize(3);
    }

    @Test
    void emptyInput() {
        Map<String, String> p = new LinkedHashMap<>();
        SampleService.parseForm(null, p);
        SampleService.parseForm("", p);
        assertThat(p).isEmpty();
    }
}

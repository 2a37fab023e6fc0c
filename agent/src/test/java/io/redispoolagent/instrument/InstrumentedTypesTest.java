package io.redispoolagent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InstrumentedTypesTest {

    @Test
    void theStartUpGateLetsThroughExactlyTheClassesThatHaveAnInstrumentation() {
        assertThat(InstrumentedTypes.NAMES)
                .containsExactlyInAnyOrderElementsOf(Instrumentations.ALL.stream()
                        .map(TypeInstrumentation::typeName)
                        .collect(Collectors.toList()));
    }
}

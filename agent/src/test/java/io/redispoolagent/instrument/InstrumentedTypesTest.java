package io.redispoolagent.instrument;

import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class InstrumentedTypesTest {

    @Test
    void theStartUpGateLetsThroughExactlyTheClassesThatHaveAnInstrumentation() {
        assertThat(InstrumentedTypes.NAMES).containsExactlyInAnyOrderElementsOf(
                Instrumentations.ALL.stream().map(TypeInstrumentation::typeName).collect(Collectors.toList()));
    }
}

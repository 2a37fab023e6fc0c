package io.redispoolagent.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPoliciesTest {

    private final RetryPolicies policies =
            new RetryPolicies(RetrySettings.builder().enabled(true).build());

    @Test
    void theFirstOutcomeOfACommandOnNoPoolTellsTheListenerAndRemembersTheClientsLoader() {
        AtomicInteger told = new AtomicInteger();
        policies.onFirstUnpooledOutcome(told::incrementAndGet);

        policies.recordUnpooled(RetryOutcome.NOT_SAFE, RetryPoliciesTest.class);
        policies.recordUnpooled(RetryOutcome.RETRIED, RetryPoliciesTest.class);

        assertThat(told).hasValue(1);
        assertThat(policies.unpooledClientLoader()).isSameAs(RetryPoliciesTest.class.getClassLoader());
        assertThat(policies.unpooledStats().count(RetryOutcome.NOT_SAFE)).isEqualTo(1);
        assertThat(policies.unpooledStats().count(RetryOutcome.RETRIED)).isEqualTo(1);
    }

    @Test
    void anOutcomeTheFallbackPolicyCountsTellsTheListenerToo() {
        AtomicInteger told = new AtomicInteger();
        policies.onFirstUnpooledOutcome(told::incrementAndGet);

        policies.fallback();
        policies.unpooledStats().record(RetryOutcome.RECOVERED);
        policies.unpooledStats().record(RetryOutcome.RECOVERED);

        assertThat(told).hasValue(1);
    }

    @Test
    void noOutcomeNoLoader() {
        assertThat(policies.unpooledClientLoader()).isNull();
    }
}

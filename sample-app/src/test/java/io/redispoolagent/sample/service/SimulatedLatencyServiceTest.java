package io.redispoolagent.sample.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code serve --redis-latency}: the service's pool reaches its (embedded) Redis through the delay proxy. */
@Timeout(60)
class SimulatedLatencyServiceTest {

    @Test
    void eachRedisCommandPaysTheSimulatedRoundTrip() throws Exception {
        try (SampleService service = SampleService.start(ServeOptions.defaults().withRedisLatencyMicros(2_000))) {
            assertThat(service.redisLatencyMicros()).isEqualTo(2_000);
            assertThat(service.redisLatencyDescription())
                    .startsWith("2ms simulated network round trip (delay proxy 127.0.0.1:");
            assertThat(service.checkRedis()).isNull(); // warms the pool's first connection
            long t0 = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                assertThat(service.checkRedis()).isNull();
            }
            assertThat(System.nanoTime() - t0)
                    .as("10 PINGs at 2 ms")
                    .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    @Test
    void offByDefault() throws Exception {
        try (SampleService service = SampleService.start(ServeOptions.defaults())) {
            assertThat(service.redisLatencyMicros()).isZero();
            assertThat(service.redisLatencyDescription()).isEqualTo("none");
        }
    }
}

package io.redispoolagent.it.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.it.harness.ChildJvm;
import io.redispoolagent.it.harness.RedisExtension;
import io.redispoolagent.it.harness.SpringBootService;
import io.redispoolagent.it.metrics.PrometheusText;
import io.redispoolagent.testsupport.redis.RedisServerProcess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Spring Boot 3.5 service on Lettuce with Boot's pooling switched on ({@code
 * spring.data.redis.lettuce.pool.enabled=true}: Spring Data Redis' {@code LettucePoolingConnectionProvider}
 * builds its pools with {@code ConnectionPoolSupport} from a supplier that reaches the {@code RedisClient}
 * only through two providers). With the agent its pools are sized and, on {@code /actuator/prometheus},
 * named after the server they connect to and labelled with its address and port.
 */
class SpringBootLettucePoolTest {

    @RegisterExtension
    static final RedisExtension redis = RedisExtension.oneServer();

    @Test
    void springsLettucePoolsAreSizedAndNamedAfterTheirServerOnActuatorsPrometheusEndpoint() throws Exception {
        RedisServerProcess server = redis.server();
        String port = String.valueOf(server.port());
        String poolName = "127.0.0.1:" + port + "/0";
        String prometheus;
        ChildJvm.Result result;
        try (SpringBootService service = SpringBootService.start(
                jvm -> jvm.withAgent()
                        .systemProperty("redis.pool.env", "production")
                        .systemProperty("otel.metrics.exporter", "none"),
                "--spring.data.redis.client-type=lettuce",
                "--spring.data.redis.lettuce.pool.enabled=true",
                "--spring.data.redis.host=" + server.host(),
                "--spring.data.redis.port=" + port)) {
            assertThat(service.post("/counters/visits").statusCode())
                    .as("a hit counted through the pool")
                    .isEqualTo(200);
            assertThat(service.get("/values/visits").body()).isEqualTo("1");
            prometheus = service.get("/actuator/prometheus").body();
            result = service.stop();
        }

        List<String> poolLines = result.agentLines("INFO").stream()
                .filter(line -> line.contains(" pool "))
                .toList();
        System.out.println("Spring Boot 3.5 + Lettuce, pooled: " + String.join("\n", poolLines));
        assertThat(poolLines)
                .as("the agent's lines about pools")
                .isNotEmpty()
                .allMatch(line ->
                        line.contains("pool " + poolName + " (lettuce ConnectionPoolSupport): maxTotal 8 -> 160"));
        // Spring builds a pool per connection provider (the template's byte[] one and the ByteBuffer one
        // of reactive use, such as Actuator's health check) and connection type: one name, one series,
        // whose size is the sum of its pools'.
        PrometheusText meters = new PrometheusText(prometheus);
        assertThat(meters.find("db_client_connection_max", Map.of()))
                .as("every pool's size on Actuator's Prometheus endpoint\n%s", prometheus)
                .singleElement()
                .satisfies(sample -> assertThat(sample.labels())
                        .containsEntry("db_client_connection_pool_name", poolName)
                        .containsEntry("server_address", "127.0.0.1")
                        .containsEntry("server_port", port)
                        .containsEntry("redis_pool_agent_client", "lettuce"))
                .satisfies(sample -> assertThat(sample.value()).isEqualTo(160.0 * poolLines.size()));
    }
}

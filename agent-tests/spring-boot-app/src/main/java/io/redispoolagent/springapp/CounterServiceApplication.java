package io.redispoolagent.springapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smallest service a legacy Spring Boot team runs on Redis: read a key, count a hit. Written as they
 * write it, with Boot's auto-configured {@link StringRedisTemplate} and nothing that knows about the agent.
 */
@SpringBootApplication
@RestController
public class CounterServiceApplication {

    private final StringRedisTemplate redis;

    public CounterServiceApplication(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public static void main(String[] args) {
        SpringApplication.run(CounterServiceApplication.class, args);
    }

    @GetMapping("/values/{key}")
    public String value(@PathVariable String key) {
        String value = redis.opsForValue().get(key);
        return value == null ? "" : value;
    }

    @PostMapping("/counters/{key}")
    public Long increment(@PathVariable String key) {
        return redis.opsForValue().increment(key);
    }
}

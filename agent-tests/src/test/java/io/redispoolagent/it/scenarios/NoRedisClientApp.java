package io.redispoolagent.it.scenarios;

import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;

/** An application that uses no Redis client: what it prints and its exit code must not change under the agent. */
public final class NoRedisClientApp {

    /** Not 0, so that a test comparing exit codes would notice one the agent made up. */
    public static final int EXIT_CODE = 3;

    private NoRedisClientApp() {}

    public static void main(String[] args) {
        System.out.println("no-redis-client app: started");
        System.out.println("sum of 1..100 = " + IntStream.rangeClosed(1, 100).sum());
        TreeMap<String, Integer> lengths = new TreeMap<>();
        List.of("cherry", "apple", "banana").forEach(word -> lengths.put(word, word.length()));
        System.out.println("word lengths: " + lengths);
        System.out.println("no-redis-client app: done");
        System.exit(EXIT_CODE);
    }
}

package io.redispoolagent.it.scenarios;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Protocol;

/**
 * Runs a fixed sequence of commands through a JedisPool and prints every reply (errors included), so
 * that a test can compare the output with and without the agent. Raw {@code sendCommand}, because its
 * signature is the same in Jedis 3 to 8 while typed methods changed return types across versions.
 *
 * <p>Arguments: host port keyPrefix.
 */
public final class TransparencyApp {

    private TransparencyApp() {}

    public static void main(String[] args) {
        String p = args[2];
        String[][] commands = {
            {"SET", p + "s", "hello"},
            {"GET", p + "s"},
            {"APPEND", p + "s", " world"},
            {"GET", p + "s"},
            {"INCR", p + "n"},
            {"INCRBY", p + "n", "41"},
            {"DECR", p + "n"},
            {"HSET", p + "h", "f1", "v1"},
            {"HSET", p + "h", "f2", "v2"},
            {"HGET", p + "h", "f2"},
            {"HLEN", p + "h"},
            {"LPUSH", p + "l", "a", "b", "c"},
            {"LRANGE", p + "l", "0", "-1"},
            {"SADD", p + "set", "x", "y", "x"},
            {"SCARD", p + "set"},
            {"ZADD", p + "z", "2", "two", "1", "one"},
            {"ZRANGE", p + "z", "0", "-1"},
            {"EXPIRE", p + "s", "100"},
            {"TTL", p + "s"},
            {"EXISTS", p + "s", p + "missing"},
            {"GET", p + "h"},
            {"LPOP", p + "l"},
            {"DEL", p + "s", p + "n"},
            {"GET", p + "s"},
            {"SETEX", p + "t", "50", "v"},
            {"STRLEN", p + "t"},
        };
        JedisPool pool = new JedisPool(args[0], Integer.parseInt(args[1]));
        for (String[] command : commands) {
            String reply;
            try (Jedis jedis = pool.getResource()) {
                String[] arguments = Arrays.copyOfRange(command, 1, command.length);
                reply = render(jedis.sendCommand(Protocol.Command.valueOf(command[0]), arguments));
            } catch (RuntimeException error) {
                reply = "error " + error.getClass().getSimpleName() + ": " + error.getMessage();
            }
            System.out.println(String.join(" ", command).replace(p, "<p>") + " -> " + reply);
        }
        pool.close();
    }

    private static String render(Object reply) {
        if (reply instanceof byte[]) {
            return new String((byte[]) reply, StandardCharsets.UTF_8);
        }
        if (reply instanceof List) {
            StringBuilder text = new StringBuilder("[");
            for (Object element : (List<?>) reply) {
                text.append(text.length() > 1 ? ", " : "").append(render(element));
            }
            return text.append(']').toString();
        }
        return String.valueOf(reply);
    }
}

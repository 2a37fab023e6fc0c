package io.redispoolagent.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command table against the real Redis 7.0 command set: {@code redis-7.0-commands.txt} is the
 * COMMAND reply of the redis-server 7.0.15 binary that org.signal:embedded-redis ships.
 */
class CommandSafetyTest {

    private static final CommandSafety TABLE = CommandSafety.builtIn();
    private static final Map<String, List<String>> REDIS_7 = redis7Commands();

    private static Map<String, List<String>> redis7Commands() {
        Map<String, List<String>> commands = new LinkedHashMap<>();
        try (InputStream in = CommandSafetyTest.class.getResourceAsStream("redis-7.0-commands.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.startsWith("#") && !line.trim().isEmpty()) {
                    String[] parts = line.split("\t");
                    commands.put(
                            parts[0],
                            "-".equals(parts[1])
                                    ? Collections.<String>emptyList()
                                    : Arrays.asList(parts[1].split(",")));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return commands;
    }

    private static Safety classify(String commandLine) {
        String[] words = commandLine.split(" ");
        byte[][] args = new byte[words.length - 1][];
        for (int i = 1; i < words.length; i++) {
            args[i - 1] = words[i].getBytes(StandardCharsets.UTF_8);
        }
        return TABLE.classify(words[0], args);
    }

    private static List<String> withFlag(String flag) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, List<String>> command : REDIS_7.entrySet()) {
            if (command.getValue().contains(flag)) {
                names.add(command.getKey());
            }
        }
        return names;
    }

    /** Name-only classification of a command or a CONTAINER|SUB subcommand. */
    private static Safety byName(String name) {
        int bar = name.indexOf('|');
        return bar < 0 ? TABLE.classify(name) : classify(name.substring(0, bar) + " " + name.substring(bar + 1));
    }

    // --- coverage of the real command set

    @Test
    void theResourceIsTheFullRedis7CommandSet() {
        assertThat(REDIS_7.keySet().stream().filter(name -> !name.contains("|")))
                .hasSize(240);
        assertThat(REDIS_7).hasSize(366).containsKeys("GET", "CLIENT|KILL", "XADD", "FUNCTION|LOAD");
    }

    @Test
    void everyRedis7CommandAndSubcommandHasAnEntryOfItsOwn() {
        List<String> missing = new ArrayList<>();
        for (String name : REDIS_7.keySet()) {
            if (!TABLE.knows(name)) {
                missing.add(name);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyCommandRedisFlagsReadonlyAndNotBlockingIsARead() {
        for (String name : withFlag("readonly")) {
            if (!REDIS_7.get(name).contains("blocking")) {
                assertThat(byName(name)).as(name).isEqualTo(Safety.READ);
            }
        }
    }

    @Test
    void everyCommandRedisFlagsBlockingIsNeverRetriedWhenOnlyItsNameIsKnown() {
        assertThat(withFlag("blocking"))
                .isNotEmpty()
                .allSatisfy(name -> assertThat(byName(name)).as(name).isEqualTo(Safety.NEVER));
    }

    @Test
    void noCommandRedisFlagsWriteIsClassifiedAsARead() {
        assertThat(withFlag("write"))
                .isNotEmpty()
                .allSatisfy(name -> assertThat(byName(name)).as(name).isNotEqualTo(Safety.READ));
    }

    @Test
    void connectionStateCommandsAreNeverRetried() {
        for (String name : Arrays.asList(
                "AUTH",
                "HELLO",
                "SELECT",
                "QUIT",
                "RESET",
                "READONLY",
                "READWRITE",
                "ASKING",
                "MULTI",
                "EXEC",
                "DISCARD",
                "WATCH",
                "UNWATCH",
                "CLIENT|SETNAME",
                "CLIENT|REPLY",
                "CLIENT|TRACKING",
                "SUBSCRIBE",
                "PSUBSCRIBE",
                "SSUBSCRIBE",
                "MONITOR")) {
            assertThat(byName(name)).as(name).isEqualTo(Safety.NEVER);
        }
    }

    // --- decisions on particular commands

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "GET k, READ",
        "MGET a b, READ",
        "SET k v, IDEMPOTENT_WRITE",
        "SET k v EX 10, IDEMPOTENT_WRITE",
        "SET k v XX KEEPTTL, IDEMPOTENT_WRITE",
        "SET k v NX, NON_IDEMPOTENT",
        "SET k v nx ex 10, NON_IDEMPOTENT",
        "SET k v GET, NON_IDEMPOTENT",
        "SET k NX, IDEMPOTENT_WRITE",
        "SETEX k 10 v, IDEMPOTENT_WRITE",
        "SETNX k v, NON_IDEMPOTENT",
        "GETSET k v, NON_IDEMPOTENT",
        "GETDEL k, NON_IDEMPOTENT",
        "GETEX k EX 10, IDEMPOTENT_WRITE",
        "DEL a b, IDEMPOTENT_WRITE",
        "EXPIRE k 10, IDEMPOTENT_WRITE",
        "EXPIRE k 10 XX, IDEMPOTENT_WRITE",
        "EXPIRE k 10 NX, NON_IDEMPOTENT",
        "PEXPIREAT k 1700000000000 GT, NON_IDEMPOTENT",
        "HSET h f v, IDEMPOTENT_WRITE",
        "HSETNX h f v, NON_IDEMPOTENT",
        "HINCRBY h f 1, NON_IDEMPOTENT",
        "SADD s m, IDEMPOTENT_WRITE",
        "ZADD z 1 m, IDEMPOTENT_WRITE",
        "ZADD z NX CH 1 m, IDEMPOTENT_WRITE",
        "ZADD z INCR 1 m, NON_IDEMPOTENT",
        "ZADD z XX INCR 1 m, NON_IDEMPOTENT",
        "ZADD z 1 INCR, IDEMPOTENT_WRITE",
        "ZINCRBY z 1 m, NON_IDEMPOTENT",
        "INCR k, NON_IDEMPOTENT",
        "LPUSH l v, NON_IDEMPOTENT",
        "APPEND k v, NON_IDEMPOTENT",
        "LPOP l, NON_IDEMPOTENT",
        "SPOP s, NON_IDEMPOTENT",
        "LTRIM l 0 99, IDEMPOTENT_WRITE",
        "LTRIM l -100 -1, IDEMPOTENT_WRITE",
        "LTRIM l 0 -1, IDEMPOTENT_WRITE",
        "LTRIM l 1 -1, NON_IDEMPOTENT",
        "LTRIM l 0 -2, NON_IDEMPOTENT",
        "LREM l 0 v, IDEMPOTENT_WRITE",
        "LREM l 1 v, NON_IDEMPOTENT",
        "LSET l 0 v, IDEMPOTENT_WRITE",
        "SETRANGE k 0 v, IDEMPOTENT_WRITE",
        "SETBIT k 7 1, NON_IDEMPOTENT",
        "BITFIELD k GET u8 0, READ",
        "BITFIELD k GET u8 0 INCRBY u8 0 1, NON_IDEMPOTENT",
        "BITOP AND dest a b, IDEMPOTENT_WRITE",
        "BITOP NOT dest dest, NON_IDEMPOTENT",
        "SUNIONSTORE d a b, IDEMPOTENT_WRITE",
        "ZUNIONSTORE d 2 d b, NON_IDEMPOTENT",
        "SORT k, READ",
        "SORT k LIMIT 0 10 STORE d, IDEMPOTENT_WRITE",
        "SORT k STORE k, NON_IDEMPOTENT",
        "GEORADIUS g 0 0 10 km, READ",
        "GEORADIUS g 0 0 10 km STOREDIST d, IDEMPOTENT_WRITE",
        "COPY a b, NON_IDEMPOTENT",
        "COPY a b REPLACE, IDEMPOTENT_WRITE",
        "RESTORE k 0 payload, NON_IDEMPOTENT",
        "RESTORE k 0 payload REPLACE, IDEMPOTENT_WRITE",
        "RENAME a b, NON_IDEMPOTENT",
        "XADD s * f v, NON_IDEMPOTENT",
        "XADD s 1-1 f v, NON_IDEMPOTENT",
        "XACK s g 1-1, IDEMPOTENT_WRITE",
        "XREAD COUNT 10 STREAMS s 0, READ",
        "XREAD BLOCK 0 STREAMS s $, NEVER",
        "XREADGROUP GROUP g c STREAMS s >, NON_IDEMPOTENT",
        "XREADGROUP GROUP g c BLOCK 100 STREAMS s >, NEVER",
        "EVAL script 0, NON_IDEMPOTENT",
        "EVAL_RO script 0, READ",
        "FCALL f 0, NON_IDEMPOTENT",
        "PUBLISH ch m, NON_IDEMPOTENT",
        "BLPOP l 0, NEVER",
        "WAIT 1 0, NEVER",
        "FLUSHALL, NEVER",
        "FLUSHDB ASYNC, NEVER",
        "SHUTDOWN, NEVER",
        "CLIENT LIST, READ",
        "CLIENT KILL TYPE normal, NEVER",
        "CLIENT SETNAME app, NEVER",
        "CONFIG GET maxmemory, READ",
        "CONFIG SET maxmemory 1gb, NEVER",
        "CLUSTER SLOTS, READ",
        "CLUSTER FAILOVER, NEVER",
        "SCRIPT LOAD script, IDEMPOTENT_WRITE",
        "SCRIPT FLUSH, NEVER",
        "FUNCTION LOAD code, NON_IDEMPOTENT",
        "FUNCTION LOAD REPLACE code, IDEMPOTENT_WRITE",
        "ACL LOG 10, READ",
        "ACL LOG RESET, NEVER",
        "XGROUP CREATE s g $, NON_IDEMPOTENT",
        "XGROUP DESTROY s g, IDEMPOTENT_WRITE",
        "MEMORY USAGE k, READ",
        "OBJECT ENCODING k, READ",
        "COMMAND, READ",
        "COMMAND DOCS get, READ",
    })
    void classifiesTheCommandWithItsArguments(String commandLine, Safety expected) {
        assertThat(classify(commandLine)).isEqualTo(expected);
    }

    @Test
    void withoutArgumentsACommandGetsTheLeastSafeClassificationOfItsName() {
        assertThat(TABLE.classify("SET")).isEqualTo(Safety.NON_IDEMPOTENT);
        assertThat(TABLE.classify("XREAD")).isEqualTo(Safety.NEVER);
        assertThat(TABLE.classify("CLIENT")).isEqualTo(Safety.NEVER);
        assertThat(TABLE.classify("COMMAND")).isEqualTo(Safety.READ);
        assertThat(TABLE.classify("SET", null, ArgumentAccessor.BYTE_ARRAYS)).isEqualTo(Safety.NON_IDEMPOTENT);
    }

    @Test
    void anUnknownCommandIsNotSafeToRepeat() {
        assertThat(TABLE.classify("FT.SEARCH")).isEqualTo(Safety.NON_IDEMPOTENT);
        assertThat(TABLE.classify("GETT")).isEqualTo(Safety.NON_IDEMPOTENT);
        assertThat(classify("CLIENT FROBNICATE")).isEqualTo(Safety.NON_IDEMPOTENT);
        assertThat(TABLE.classify((String) null)).isEqualTo(Safety.NON_IDEMPOTENT);
    }

    @Test
    void namesAreMatchedIgnoringCaseAsStringsOrBytes() {
        assertThat(TABLE.classify("get")).isEqualTo(Safety.READ);
        assertThat(TABLE.classify("Incr".getBytes(StandardCharsets.US_ASCII))).isEqualTo(Safety.NON_IDEMPOTENT);
        assertThat(TABLE.classify("RESTORE-ASKING".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(Safety.NEVER);
        assertThat(classify("client list")).isEqualTo(Safety.READ);
        assertThat(TABLE.classify("GET\u00e9")).isEqualTo(Safety.NON_IDEMPOTENT);
    }

    @Test
    void argumentsCanBeReadFromJedis4StyleListsThatStartWithTheCommand() {
        List<Object> arguments = Arrays.asList("SET", "k".getBytes(StandardCharsets.UTF_8), "v", "NX");
        assertThat(TABLE.classify("SET", arguments, ArgumentAccessor.LISTS, 1)).isEqualTo(Safety.NON_IDEMPOTENT);
        Object[] ltrim = {"l", 0L, 99};
        assertThat(TABLE.classify("LTRIM", ltrim, ArgumentAccessor.OBJECTS, 0)).isEqualTo(Safety.IDEMPOTENT_WRITE);
    }

    // --- user lists

    @Test
    void theUsersIdempotentListMakesACommandSafeToRepeat() {
        CommandSafety table =
                TABLE.withUserLists(Arrays.asList("INCR", "FT.SEARCH", "client|kill"), Collections.<String>emptyList());
        assertThat(table.classify("INCR")).isEqualTo(Safety.IDEMPOTENT_WRITE);
        assertThat(table.classify("FT.SEARCH")).isEqualTo(Safety.IDEMPOTENT_WRITE);
        assertThat(table.classify("CLIENT", new byte[][] {"KILL".getBytes(StandardCharsets.US_ASCII)}))
                .isEqualTo(Safety.IDEMPOTENT_WRITE);
        assertThat(table.classify("CLIENT", new byte[][] {"LIST".getBytes(StandardCharsets.US_ASCII)}))
                .isEqualTo(Safety.READ);
        assertThat(TABLE.classify("INCR")).as("the built-in table is unchanged").isEqualTo(Safety.NON_IDEMPOTENT);
    }

    @Test
    void theUsersNeverListWinsOverEverythingElse() {
        CommandSafety table = TABLE.withUserLists(Collections.singletonList("GET"), Arrays.asList("GET", "HGETALL"));
        assertThat(table.classify("GET")).isEqualTo(Safety.NEVER);
        assertThat(table.classify("HGETALL")).isEqualTo(Safety.NEVER);
    }

    @Test
    void aSubcommandInAUserListOfANonContainerKeepsTheCommandsOwnRuleForOtherSubcommands() {
        CommandSafety table =
                TABLE.withUserLists(Collections.<String>emptyList(), Collections.singletonList("MYMODULE.CMD|DROP"));
        assertThat(table.classify("MYMODULE.CMD", new byte[][] {"DROP".getBytes(StandardCharsets.US_ASCII)}))
                .isEqualTo(Safety.NEVER);
        assertThat(table.classify("MYMODULE.CMD", new byte[][] {"SHOW".getBytes(StandardCharsets.US_ASCII)}))
                .isEqualTo(Safety.NON_IDEMPOTENT);
    }
}

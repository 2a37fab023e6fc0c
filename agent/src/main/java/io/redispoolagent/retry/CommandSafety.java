package io.redispoolagent.retry;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which Redis commands may be sent again after a failure: every command of Redis 7.0 (and the
 * subcommands of its container commands) classified as {@link Safety#READ}, {@link
 * Safety#IDEMPOTENT_WRITE}, {@link Safety#NON_IDEMPOTENT} or {@link Safety#NEVER}. Immutable and
 * thread-safe; looking a name up allocates nothing (an open-addressing table hashed on the
 * ASCII-upper-cased bytes serves {@code String} and {@code byte[]} names alike).
 *
 * <p>Rules (the reasoning behind each debatable entry is beside it in {@link #builtIn()}):
 * <ul>
 *   <li>A write is {@code IDEMPOTENT_WRITE} when executing it twice leaves the same state and a reply
 *       that means the same thing. A count of changed elements may be lower on the repeat (DEL, SADD,
 *       HSET, ZADD, XACK…): callers rarely act on it, and the state is what they asked for.</li>
 *   <li>A write whose reply is a decision the caller acts on is {@code NON_IDEMPOTENT}, even if the
 *       state would converge: SET NX, SETNX, HSETNX, MSETNX, RENAMENX (lock taken or not), SET GET,
 *       GETSET, SETBIT (the old value), COPY/RESTORE without REPLACE, XADD with an explicit id (the
 *       repeat turns an applied write into an error reply).</li>
 *   <li>Relative expiries (EXPIRE, SET EX, SETEX, GETEX EX) count as idempotent: the repeat restarts
 *       the TTL a few milliseconds later (at most the retry deadline), which no caller can tell from
 *       the network delay it already accepts. EXPIRE NX/GT/LT are not: the repeat answers 0.</li>
 *   <li>Commands that belong to their connection, block, or administer the server are {@code NEVER}.</li>
 *   <li>Arguments matter for SET, EXPIRE*, ZADD, LTRIM, LREM, BITFIELD, BITOP, SORT, GEORADIUS*, the
 *       *STORE commands (not idempotent when the destination is also a source), COPY, RESTORE, XREAD
 *       and XREADGROUP (BLOCK makes them blocking) and the subcommands of CLIENT, CONFIG, CLUSTER,
 *       SCRIPT, FUNCTION, ACL…. Without arguments the least safe classification of the name is used.</li>
 *   <li>Unknown commands (modules, newer Redis) are {@code NON_IDEMPOTENT}: retried only when they
 *       certainly never reached the server.</li>
 * </ul>
 */
public final class CommandSafety {

    private final Map<String, Rule> rules;
    private final NameTable table;

    private CommandSafety(Map<String, Rule> rules) {
        this.rules = Collections.unmodifiableMap(rules);
        this.table = new NameTable(rules);
    }

    /** The built-in table. */
    public static CommandSafety builtIn() {
        return BuiltIn.TABLE;
    }

    /** Built on first use, after every rule constant of the outer class is initialised. */
    private static final class BuiltIn {
        static final CommandSafety TABLE = new CommandSafety(builtInRules());
    }

    /**
     * This table with the user's lists applied: each name in {@code idempotent} becomes {@link
     * Safety#IDEMPOTENT_WRITE}, each name in {@code never} becomes {@link Safety#NEVER} (never wins
     * over idempotent). Names are case-insensitive; {@code CLIENT|KILL} names a subcommand.
     */
    public CommandSafety withUserLists(Collection<String> idempotent, Collection<String> never) {
        if ((idempotent == null || idempotent.isEmpty()) && (never == null || never.isEmpty())) {
            return this;
        }
        Map<String, Rule> copy = new LinkedHashMap<>(rules);
        if (idempotent != null) {
            for (String name : idempotent) {
                override(copy, name, Fixed.IDEMPOTENT_WRITE);
            }
        }
        if (never != null) {
            for (String name : never) {
                override(copy, name, Fixed.NEVER);
            }
        }
        return new CommandSafety(copy);
    }

    private static void override(Map<String, Rule> rules, String name, Rule rule) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        if (upper.isEmpty()) {
            return;
        }
        int bar = upper.indexOf('|');
        if (bar < 0) {
            rules.put(upper, rule);
            return;
        }
        String container = upper.substring(0, bar);
        String sub = upper.substring(bar + 1);
        Rule existing = rules.get(container);
        Map<String, Rule> subs = new LinkedHashMap<>();
        Rule unknownSub = existing == null ? Fixed.NON_IDEMPOTENT : existing;
        if (existing instanceof Container) {
            subs.putAll(((Container) existing).subs);
            unknownSub = ((Container) existing).unknownSub;
        }
        subs.put(sub, rule);
        rules.put(container, new Container(subs, unknownSub));
    }

    // ----------------------------------------------------------------------------------------------
    // Look-ups. Name only: the least safe classification the name can have. With arguments: exact.

    /** The classification of a command known only by name (least safe over its possible arguments). */
    public Safety classify(String command) {
        Rule rule = table.find(command);
        return rule == null ? Safety.NON_IDEMPOTENT : rule.worst();
    }

    /** As {@link #classify(String)}, for a name in bytes (as Jedis sends it). */
    public Safety classify(byte[] command) {
        Rule rule = table.find(command);
        return rule == null ? Safety.NON_IDEMPOTENT : rule.worst();
    }

    /** Jedis 3: {@code sendCommand(cmd, byte[]... args)}. */
    public Safety classify(byte[] command, byte[][] args) {
        return classify(command, args, ArgumentAccessor.BYTE_ARRAYS, 0);
    }

    public Safety classify(String command, byte[][] args) {
        return classify(command, args, ArgumentAccessor.BYTE_ARRAYS, 0);
    }

    public <A> Safety classify(String command, A args, ArgumentAccessor<A> accessor) {
        return classify(command, args, accessor, 0);
    }

    /**
     * The classification of a command with its arguments. {@code firstArgument} is the index in
     * {@code args} of the first argument after the command name (1 when {@code args} starts with the
     * name itself, as Jedis 4+ {@code CommandArguments} does).
     */
    public <A> Safety classify(String command, A args, ArgumentAccessor<A> accessor, int firstArgument) {
        Rule rule = table.find(command);
        return rule == null ? Safety.NON_IDEMPOTENT : apply(rule, args, accessor, firstArgument);
    }

    public <A> Safety classify(byte[] command, A args, ArgumentAccessor<A> accessor, int firstArgument) {
        Rule rule = table.find(command);
        return rule == null ? Safety.NON_IDEMPOTENT : apply(rule, args, accessor, firstArgument);
    }

    private static <A> Safety apply(Rule rule, A args, ArgumentAccessor<A> accessor, int offset) {
        if (args == null || accessor == null) {
            return rule.worst();
        }
        try {
            return rule.classify(args, accessor, offset);
        } catch (RuntimeException unreadable) {
            return rule.worst();
        }
    }

    /**
     * True when the table has an entry of its own for the name: {@code GET}, or {@code CLIENT|KILL}
     * for a subcommand. Unknown names are still classified (as not safe); this is for tests and the
     * status view.
     */
    public boolean knows(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        int bar = upper.indexOf('|');
        if (bar < 0) {
            return rules.containsKey(upper);
        }
        Rule rule = rules.get(upper.substring(0, bar));
        return rule instanceof Container && ((Container) rule).subs.containsKey(upper.substring(bar + 1));
    }

    // ----------------------------------------------------------------------------------------------
    // The built-in table.

    private static Map<String, Rule> builtInRules() {
        Map<String, Rule> r = new LinkedHashMap<>();

        put(r, Fixed.READ, "BITCOUNT BITFIELD_RO BITPOS DBSIZE DUMP ECHO EXISTS EXPIRETIME GEODIST GEOHASH GEOPOS"
                + " GEORADIUS_RO GEORADIUSBYMEMBER_RO GEOSEARCH GET GETBIT GETRANGE HEXISTS HGET HGETALL HKEYS HLEN"
                + " HMGET HRANDFIELD HSCAN HSTRLEN HVALS INFO KEYS LASTSAVE LCS LINDEX LLEN LOLWUT LPOS LRANGE MGET"
                + " PEXPIRETIME PFCOUNT PING PTTL RANDOMKEY ROLE SCAN SCARD SDIFF SINTER SINTERCARD SISMEMBER"
                + " SMEMBERS SMISMEMBER SORT_RO SRANDMEMBER SSCAN STRLEN SUBSTR SUNION TIME TTL TYPE XLEN XPENDING"
                + " XRANGE XREVRANGE ZCARD ZCOUNT ZDIFF ZINTER ZINTERCARD ZLEXCOUNT ZMSCORE ZRANDMEMBER ZRANGE"
                + " ZRANGEBYLEX ZRANGEBYSCORE ZRANK ZREVRANGE ZREVRANGEBYLEX ZREVRANGEBYSCORE ZREVRANK ZSCAN ZSCORE"
                + " ZUNION");
        // TOUCH only updates access times; the read-only scripts cannot write (Redis refuses).
        put(r, Fixed.READ, "TOUCH EVAL_RO EVALSHA_RO FCALL_RO");

        put(r, Fixed.IDEMPOTENT_WRITE, "SETEX PSETEX MSET DEL UNLINK PERSIST HSET HMSET HDEL SADD SREM ZREM"
                + " ZREMRANGEBYSCORE ZREMRANGEBYLEX PFADD LSET SETRANGE GEOADD XACK XDEL XTRIM XSETID");
        // GETEX returns the (unchanged) value and sets or clears the TTL: the repeat returns the same
        // value and restarts a relative TTL a few ms later, as EXPIRE does. Idempotent by our rules.
        put(r, Fixed.IDEMPOTENT_WRITE, "GETEX");

        put(r, Fixed.NON_IDEMPOTENT, "APPEND DECR DECRBY INCR INCRBY INCRBYFLOAT HINCRBY HINCRBYFLOAT ZINCRBY"
                + " LPUSH RPUSH LPUSHX RPUSHX LINSERT"
                // Destructive reads: the repeat pops the next element, the first one is lost.
                + " LPOP RPOP LMPOP LMOVE RPOPLPUSH SPOP SMOVE ZPOPMIN ZPOPMAX ZMPOP GETDEL"
                // Replies carrying the old value or a decision.
                + " GETSET SETNX MSETNX HSETNX SETBIT RENAME RENAMENX MOVE"
                // By rank: the repeat removes the elements that moved into those ranks.
                + " ZREMRANGEBYRANK"
                // With an explicit id the repeat fails ("ID equal or smaller"), with * it adds a second entry.
                + " XADD"
                // Increment delivery counters and move cursors.
                + " XCLAIM XAUTOCLAIM"
                // MIGRATE deletes the source key (repeat: NOKEY); SWAPDB twice swaps back.
                + " MIGRATE SWAPDB"
                // Scripts may do anything; a message published twice is delivered twice.
                + " EVAL EVALSHA FCALL PUBLISH SPUBLISH");

        put(r, Fixed.NEVER, "MULTI EXEC DISCARD WATCH UNWATCH"
                + " SUBSCRIBE UNSUBSCRIBE PSUBSCRIBE PUNSUBSCRIBE SSUBSCRIBE SUNSUBSCRIBE MONITOR"
                + " BLPOP BRPOP BRPOPLPUSH BLMOVE BLMPOP BZPOPMIN BZPOPMAX BZMPOP WAIT"
                // Connection state: on a fresh connection they would set state the caller does not hold.
                + " AUTH HELLO SELECT QUIT RESET ASKING READONLY READWRITE"
                // FLUSHALL/FLUSHDB converge, but a repeat deletes what other clients wrote in between.
                + " FLUSHALL FLUSHDB"
                + " SHUTDOWN BGSAVE BGREWRITEAOF SAVE DEBUG FAILOVER REPLICAOF SLAVEOF SYNC PSYNC REPLCONF"
                + " RESTORE-ASKING PFDEBUG PFSELFTEST");

        r.put("SET", SET);
        put(r, EXPIRE, "EXPIRE PEXPIRE EXPIREAT PEXPIREAT");
        r.put("ZADD", ZADD);
        r.put("LTRIM", LTRIM);
        r.put("LREM", LREM);
        r.put("BITFIELD", BITFIELD);
        r.put("BITOP", new StoreRule(1));
        put(r, new StoreRule(0), "SDIFFSTORE SINTERSTORE SUNIONSTORE ZDIFFSTORE ZINTERSTORE ZUNIONSTORE ZRANGESTORE"
                + " GEOSEARCHSTORE PFMERGE");
        r.put("SORT", new OptionalStoreRule("STORE"));
        put(r, new OptionalStoreRule("STORE", "STOREDIST"), "GEORADIUS GEORADIUSBYMEMBER");
        r.put("COPY", replaceRule(2));
        r.put("RESTORE", replaceRule(3));
        r.put("XREAD", new BlockRule(Safety.READ));
        // XREADGROUP moves the group's last-delivered id and adds to the pending list.
        r.put("XREADGROUP", new BlockRule(Safety.NON_IDEMPOTENT));

        r.put("ACL", container(Fixed.NON_IDEMPOTENT,
                "CAT DRYRUN GENPASS GETUSER HELP LIST USERS WHOAMI", "", "",
                "DELUSER LOAD SAVE SETUSER").with("LOG", ACL_LOG));
        r.put("CLIENT", container(Fixed.NON_IDEMPOTENT,
                "GETNAME GETREDIR HELP ID INFO LIST TRACKINGINFO", "", "",
                "CACHING KILL NO-EVICT PAUSE REPLY SETNAME TRACKING UNBLOCK UNPAUSE"));
        r.put("CLUSTER", container(Fixed.NON_IDEMPOTENT,
                "COUNT-FAILURE-REPORTS COUNTKEYSINSLOT GETKEYSINSLOT HELP INFO KEYSLOT LINKS MYID NODES REPLICAS"
                        + " SHARDS SLAVES SLOTS", "", "",
                "ADDSLOTS ADDSLOTSRANGE BUMPEPOCH DELSLOTS DELSLOTSRANGE FAILOVER FLUSHSLOTS FORGET MEET REPLICATE"
                        + " RESET SAVECONFIG SET-CONFIG-EPOCH SETSLOT"));
        r.put("COMMAND", container(Fixed.READ, "COUNT DOCS GETKEYS GETKEYSANDFLAGS HELP INFO LIST", "", "", ""));
        r.put("CONFIG", container(Fixed.NON_IDEMPOTENT, "GET HELP", "", "", "RESETSTAT REWRITE SET"));
        // FUNCTION DELETE: the repeat fails ("no such library"); LOAD without REPLACE: "already exists".
        r.put("FUNCTION", container(Fixed.NON_IDEMPOTENT, "DUMP HELP LIST STATS", "", "DELETE RESTORE",
                "FLUSH KILL").with("LOAD", replaceRule(0)));
        r.put("LATENCY", container(Fixed.NON_IDEMPOTENT, "DOCTOR GRAPH HELP HISTOGRAM HISTORY LATEST", "", "",
                "RESET"));
        r.put("MEMORY", container(Fixed.NON_IDEMPOTENT, "DOCTOR HELP MALLOC-STATS STATS USAGE", "", "", "PURGE"));
        r.put("MODULE", container(Fixed.NON_IDEMPOTENT, "HELP LIST", "", "", "LOAD LOADEX UNLOAD"));
        r.put("OBJECT", container(Fixed.NON_IDEMPOTENT, "ENCODING FREQ HELP IDLETIME REFCOUNT", "", "", ""));
        r.put("PUBSUB", container(Fixed.NON_IDEMPOTENT, "CHANNELS HELP NUMPAT NUMSUB SHARDCHANNELS SHARDNUMSUB",
                "", "", ""));
        // SCRIPT LOAD returns the same SHA1 every time.
        r.put("SCRIPT", container(Fixed.NON_IDEMPOTENT, "EXISTS HELP", "LOAD", "", "DEBUG FLUSH KILL"));
        r.put("SLOWLOG", container(Fixed.NON_IDEMPOTENT, "GET HELP LEN", "", "", "RESET"));
        // XGROUP CREATE: the repeat fails with BUSYGROUP. The others converge, replying a count.
        r.put("XGROUP", container(Fixed.NON_IDEMPOTENT, "HELP", "CREATECONSUMER DELCONSUMER DESTROY SETID",
                "CREATE", ""));
        r.put("XINFO", container(Fixed.NON_IDEMPOTENT, "CONSUMERS GROUPS HELP STREAM", "", "", ""));
        return r;
    }

    private static void put(Map<String, Rule> rules, Rule rule, String names) {
        for (String name : names.trim().split("\\s+")) {
            if (rules.put(name, rule) != null) {
                throw new IllegalStateException(name + " is classified twice");
            }
        }
    }

    private static Container container(Rule unknownSub, String read, String idempotent, String nonIdempotent,
                                       String never) {
        Map<String, Rule> subs = new LinkedHashMap<>();
        putAll(subs, Fixed.READ, read);
        putAll(subs, Fixed.IDEMPOTENT_WRITE, idempotent);
        putAll(subs, Fixed.NON_IDEMPOTENT, nonIdempotent);
        putAll(subs, Fixed.NEVER, never);
        return new Container(subs, unknownSub);
    }

    private static void putAll(Map<String, Rule> rules, Rule rule, String names) {
        if (!names.trim().isEmpty()) {
            put(rules, rule, names);
        }
    }

    // ----------------------------------------------------------------------------------------------
    // Rules.

    /**
     * How one command is classified. {@code offset} is the index of its first argument. Without a
     * {@link #classify} of its own a rule is fixed: every call is classified as its worst.
     */
    abstract static class Rule {
        private final Safety worst;

        Rule(Safety worst) {
            this.worst = worst;
        }

        /** The least safe classification over all arguments. */
        final Safety worst() {
            return worst;
        }

        <A> Safety classify(A args, ArgumentAccessor<A> accessor, int offset) {
            return worst;
        }
    }

    static final class Fixed extends Rule {
        static final Fixed READ = new Fixed(Safety.READ);
        static final Fixed IDEMPOTENT_WRITE = new Fixed(Safety.IDEMPOTENT_WRITE);
        static final Fixed NON_IDEMPOTENT = new Fixed(Safety.NON_IDEMPOTENT);
        static final Fixed NEVER = new Fixed(Safety.NEVER);

        private Fixed(Safety safety) {
            super(safety);
        }
    }

    /** A command whose first argument is a subcommand (CLIENT KILL, CONFIG GET…). */
    static final class Container extends Rule {
        final Map<String, Rule> subs;
        final Rule unknownSub;
        private final NameTable table;

        Container(Map<String, Rule> subs, Rule unknownSub) {
            super(worstOf(subs.values()));
            this.subs = subs;
            this.unknownSub = unknownSub;
            this.table = new NameTable(subs);
        }

        private static Safety worstOf(Collection<Rule> rules) {
            Safety worst = Safety.READ;
            for (Rule rule : rules) {
                worst = worst.worse(rule.worst());
            }
            return worst;
        }

        Container with(String sub, Rule rule) {
            Map<String, Rule> copy = new LinkedHashMap<>(subs);
            copy.put(sub, rule);
            return new Container(copy, unknownSub);
        }

        @Override
        <A> Safety classify(A args, ArgumentAccessor<A> accessor, int offset) {
            if (accessor.count(args) <= offset) {
                return worst();
            }
            Rule rule = table.find(args, accessor, offset);
            return rule == null ? unknownSub.worst() : rule.classify(args, accessor, offset + 1);
        }
    }

    /**
     * {@code without}, or {@code with} when one of {@code options} appears from argument {@code first}
     * on. Starting after the fixed arguments keeps a key or value spelled like an option (SET k NX)
     * from being read as one.
     */
    static final class OptionRule extends Rule {
        private final Safety without;
        private final Safety with;
        private final int first;
        private final String[] options;

        OptionRule(Safety without, Safety with, int first, String... options) {
            super(without.worse(with));
            this.without = without;
            this.with = with;
            this.first = first;
            this.options = options;
        }

        @Override
        <A> Safety classify(A args, ArgumentAccessor<A> accessor, int offset) {
            int count = accessor.count(args);
            for (int i = offset + first; i < count; i++) {
                if (isOneOf(args, accessor, i, options)) {
                    return with;
                }
            }
            return without;
        }
    }

    /** {@code safety}, unless one of {@code options} appears from argument {@code first} on. */
    private static Rule safeUnless(Safety safety, int first, String... options) {
        return new OptionRule(safety, Safety.NON_IDEMPOTENT, first, options);
    }

    /** SET key value [options]: NX (a lock taken or not) and GET (the old value) change the repeat's reply. */
    private static final Rule SET = safeUnless(Safety.IDEMPOTENT_WRITE, 2, "NX", "GET");

    /** EXPIRE key ttl [NX|XX|GT|LT]: NX, GT and LT make the repeat answer 0 (or apply again). */
    private static final Rule EXPIRE = safeUnless(Safety.IDEMPOTENT_WRITE, 2, "NX", "GT", "LT");

    /** BITFIELD with only GET operations reads; SET returns the old value and INCRBY adds again. */
    private static final Rule BITFIELD = safeUnless(Safety.READ, 1, "SET", "INCRBY");

    /**
     * COPY, RESTORE, FUNCTION LOAD: without REPLACE the repeat fails because the first attempt created
     * the target; with REPLACE they converge.
     */
    private static Rule replaceRule(int firstOption) {
        return new OptionRule(Safety.NON_IDEMPOTENT, Safety.IDEMPOTENT_WRITE, firstOption, "REPLACE");
    }

    private static final String[] ZADD_OPTIONS = {"NX", "XX", "GT", "LT", "CH"};

    /** ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member…: INCR adds to the score again. */
    private static final Rule ZADD = new Rule(Safety.NON_IDEMPOTENT) {
        @Override
        <A> Safety classify(A args, ArgumentAccessor<A> accessor, int offset) {
            int count = accessor.count(args);
            for (int i = offset + 1; i < count; i++) {
                if (is(args, accessor, i, "INCR")) {
                    return Safety.NON_IDEMPOTENT;
                }
                if (!isOneOf(args, accessor, i, ZADD_OPTIONS)) {
                    break; // the first score: options are over
                }
            }
            return Safety.IDEMPOTENT_WRITE;
        }
    };

    /**
     * LTRIM key start stop: keeping a head ({@code 0 N}) or a tail ({@code -N -1}) is idempotent, the
     * capped-list idiom; any other range trims again on the repeat.
     */
    private static final Rule LTRIM = new Rule(Safety.NON_IDEMPOTENT) {
        @Override
        <A> Safety classify(A args, ArgumentAccessor<A> accessor, int offset) {
            if (accessor.count(args) < offset + 3) {
                return Safety.NON_IDEMPOTENT;
            }
            long start = integer(args, accessor, offset + 1);
            long stop = integer(args, accessor, offset + 2);
            if (start == NOT_A_NUMBER || stop == NOT_A_NUMBER) {
                return Safety.NON_IDEMPOTENT;
            }
            boolean head = start == 0 && (stop >= 0 || stop == -1);
            boolean tail = start < 0 && stop == -1;
            return head || tail ? Safety.IDEMPOTENT_WRITE : Safety.NON_IDEMPOTENT;
        }
    };

    /** LREM key count element: count 0 removes all (idempotent), otherwise the repeat removes more. */
    private static final Rule LREM = new Rule(Safety.NON_IDEMPOTENT) {
        @Override
        <A> Safety classify(A args, ArgumentAccessor<A> accessor, int offset) {
            return accessor.count(args) > offset + 1 && integer(args, accessor, offset + 1) == 0
                    ? Safety.IDEMPOTENT_WRITE : Safety.NON_IDEMPOTENT;
        }
    };

    /** ACL LOG [count | RESET]: only the argument right after LOG is looked at. */
    private static final Rule ACL_LOG = new Rule(Safety.NEVER) {
        @Override
        <A> Safety classify(A args, ArgumentAccessor<A> accessor, int offset) {
            return accessor.count(args) > offset && is(args, accessor, offset, "RESET") ? Safety.NEVER : Safety.READ;
        }
    };

    /**
     * Commands that compute into a destination key: idempotent, unless the destination is also one of
     * the sources (ZUNIONSTORE d d k sums again, BITOP NOT d d flips back, ZRANGESTORE d d 1 -1 drops again).
     */
    static final class StoreRule extends Rule {
        private final int destination;

        StoreRule(int destination) {
            super(Safety.NON_IDEMPOTENT);
            this.destination = destination;
        }

        @Override
        <A> Safety classify(A args, ArgumentAccessor<A> accessor, int offset) {
            int count = accessor.count(args);
            int dest = offset + destination;
            if (count <= dest) {
                return Safety.NON_IDEMPOTENT;
            }
            for (int i = dest + 1; i < count; i++) {
                if (same(args, accessor, dest, i)) {
                    return Safety.NON_IDEMPOTENT;
                }
            }
            return Safety.IDEMPOTENT_WRITE;
        }
    }

    /** SORT and GEORADIUS read, unless told to STORE, then they are a {@link StoreRule} on the source key. */
    static final class OptionalStoreRule extends Rule {
        private final String[] stores;

        OptionalStoreRule(String... stores) {
            super(Safety.NON_IDEMPOTENT);
            this.stores = stores;
        }

        @Override
        <A> Safety classify(A args, ArgumentAccessor<A> accessor, int offset) {
            int count = accessor.count(args);
            for (int i = offset + 1; i < count - 1; i++) {
                if (isOneOf(args, accessor, i, stores)) {
                    return same(args, accessor, offset, i + 1) ? Safety.NON_IDEMPOTENT : Safety.IDEMPOTENT_WRITE;
                }
            }
            return Safety.READ;
        }
    }

    /** XREAD / XREADGROUP: BLOCK (before STREAMS) makes them blocking commands. */
    static final class BlockRule extends Rule {
        private final Safety unblocked;

        BlockRule(Safety unblocked) {
            super(Safety.NEVER);
            this.unblocked = unblocked;
        }

        @Override
        <A> Safety classify(A args, ArgumentAccessor<A> accessor, int offset) {
            int count = accessor.count(args);
            for (int i = offset; i < count; i++) {
                if (is(args, accessor, i, "STREAMS")) {
                    return unblocked;
                }
                if (is(args, accessor, i, "BLOCK")) {
                    return Safety.NEVER;
                }
            }
            return Safety.NEVER; // no STREAMS: not a command we can read, stay safe
        }
    }

    // ----------------------------------------------------------------------------------------------
    // Argument helpers: no allocation.

    static final long NOT_A_NUMBER = Long.MIN_VALUE;

    /** True when argument {@code index} is the ASCII word {@code upperCase}, ignoring case. */
    static <A> boolean is(A args, ArgumentAccessor<A> accessor, int index, String upperCase) {
        int length = upperCase.length();
        if (accessor.length(args, index) != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (upper(accessor.byteAt(args, index, i)) != upperCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** True when argument {@code index} is one of the ASCII words {@code upperCase}, ignoring case. */
    static <A> boolean isOneOf(A args, ArgumentAccessor<A> accessor, int index, String[] upperCase) {
        for (String word : upperCase) {
            if (is(args, accessor, index, word)) {
                return true;
            }
        }
        return false;
    }

    static <A> boolean same(A args, ArgumentAccessor<A> accessor, int a, int b) {
        int length = accessor.length(args, a);
        if (accessor.length(args, b) != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (accessor.byteAt(args, a, i) != accessor.byteAt(args, b, i)) {
                return false;
            }
        }
        return true;
    }

    /** The argument as a decimal integer, or {@link #NOT_A_NUMBER}. */
    static <A> long integer(A args, ArgumentAccessor<A> accessor, int index) {
        int length = accessor.length(args, index);
        if (length == 0 || length > 18) {
            return NOT_A_NUMBER;
        }
        boolean negative = accessor.byteAt(args, index, 0) == '-';
        int i = negative ? 1 : 0;
        if (i == length) {
            return NOT_A_NUMBER;
        }
        long value = 0;
        for (; i < length; i++) {
            int digit = accessor.byteAt(args, index, i) - '0';
            if (digit < 0 || digit > 9) {
                return NOT_A_NUMBER;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    static int upper(int c) {
        return c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
    }

    // ----------------------------------------------------------------------------------------------

    /**
     * Open addressing on case-folded names, so that a {@code String}, a {@code byte[]} or an argument
     * read through an accessor can all be looked up without building a key.
     */
    static final class NameTable {
        private final byte[][] names;
        private final Rule[] rules;
        private final int mask;

        NameTable(Map<String, Rule> entries) {
            int size = Integer.highestOneBit(Math.max(4, entries.size() * 3)) << 1;
            names = new byte[size][];
            rules = new Rule[size];
            mask = size - 1;
            for (Map.Entry<String, Rule> entry : entries.entrySet()) {
                byte[] name = entry.getKey().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
                int slot = mix(hash(name)) & mask;
                while (names[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                names[slot] = name;
                rules[slot] = entry.getValue();
            }
        }

        Rule find(String name) {
            if (name == null) {
                return null;
            }
            int length = name.length();
            int h = 0;
            for (int i = 0; i < length; i++) {
                h = 31 * h + upper(name.charAt(i));
            }
            for (int slot = mix(h) & mask; names[slot] != null; slot = (slot + 1) & mask) {
                byte[] candidate = names[slot];
                if (candidate.length == length && matches(candidate, name)) {
                    return rules[slot];
                }
            }
            return null;
        }

        Rule find(byte[] name) {
            if (name == null) {
                return null;
            }
            int h = hash(name);
            for (int slot = mix(h) & mask; names[slot] != null; slot = (slot + 1) & mask) {
                byte[] candidate = names[slot];
                if (candidate.length == name.length && matches(candidate, name)) {
                    return rules[slot];
                }
            }
            return null;
        }

        <A> Rule find(A args, ArgumentAccessor<A> accessor, int index) {
            int length = accessor.length(args, index);
            int h = 0;
            for (int i = 0; i < length; i++) {
                h = 31 * h + upper(accessor.byteAt(args, index, i));
            }
            for (int slot = mix(h) & mask; names[slot] != null; slot = (slot + 1) & mask) {
                byte[] candidate = names[slot];
                if (candidate.length == length && matches(candidate, args, accessor, index)) {
                    return rules[slot];
                }
            }
            return null;
        }

        private static int hash(byte[] name) {
            int h = 0;
            for (byte b : name) {
                h = 31 * h + upper(b & 0xff);
            }
            return h;
        }

        private static int mix(int h) {
            h ^= h >>> 16;
            h *= 0x85ebca6b;
            h ^= h >>> 13;
            return h;
        }

        private static boolean matches(byte[] candidate, String name) {
            for (int i = 0; i < candidate.length; i++) {
                if (candidate[i] != upper(name.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean matches(byte[] candidate, byte[] name) {
            for (int i = 0; i < candidate.length; i++) {
                if (candidate[i] != upper(name[i] & 0xff)) {
                    return false;
                }
            }
            return true;
        }

        private static <A> boolean matches(byte[] candidate, A args, ArgumentAccessor<A> accessor, int index) {
            for (int i = 0; i < candidate.length; i++) {
                if (candidate[i] != upper(accessor.byteAt(args, index, i))) {
                    return false;
                }
            }
            return true;
        }
    }
}

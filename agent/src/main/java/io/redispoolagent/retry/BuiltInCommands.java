package io.redispoolagent.retry;

import static io.redispoolagent.retry.CommandRule.NOT_A_NUMBER;
import static io.redispoolagent.retry.CommandRule.integer;
import static io.redispoolagent.retry.CommandRule.is;
import static io.redispoolagent.retry.CommandRule.isOneOf;

import io.redispoolagent.retry.CommandRule.BlockRule;
import io.redispoolagent.retry.CommandRule.Container;
import io.redispoolagent.retry.CommandRule.Fixed;
import io.redispoolagent.retry.CommandRule.OptionRule;
import io.redispoolagent.retry.CommandRule.OptionalStoreRule;
import io.redispoolagent.retry.CommandRule.StoreRule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command data of {@link CommandSafety}: how each Redis 7.0 command is classified, with the
 * reasoning behind each debatable entry beside it, and the rules of the commands whose arguments
 * decide (SET, EXPIRE, ZADD, LTRIM, LREM, BITFIELD, ACL LOG, COPY/RESTORE).
 */
final class BuiltInCommands {

    private BuiltInCommands() {}

    /** {@code safety}, unless one of {@code options} appears from argument {@code first} on. */
    private static CommandRule safeUnless(Safety safety, int first, String... options) {
        return new OptionRule(safety, Safety.NON_IDEMPOTENT, first, options);
    }

    /** SET key value [options]: NX (a lock taken or not) and GET (the old value) change the repeat's reply. */
    private static final CommandRule SET = safeUnless(Safety.IDEMPOTENT_WRITE, 2, "NX", "GET");

    /** EXPIRE key ttl [NX|XX|GT|LT]: NX, GT and LT make the repeat answer 0 (or apply again). */
    private static final CommandRule EXPIRE = safeUnless(Safety.IDEMPOTENT_WRITE, 2, "NX", "GT", "LT");

    /** BITFIELD with only GET operations reads; SET returns the old value and INCRBY adds again. */
    private static final CommandRule BITFIELD = safeUnless(Safety.READ, 1, "SET", "INCRBY");

    /**
     * COPY, RESTORE, FUNCTION LOAD: without REPLACE the repeat fails because the first attempt created
     * the target; with REPLACE they converge.
     */
    private static CommandRule replaceRule(int firstOption) {
        return new OptionRule(Safety.NON_IDEMPOTENT, Safety.IDEMPOTENT_WRITE, firstOption, "REPLACE");
    }

    private static final String[] ZADD_OPTIONS = {"NX", "XX", "GT", "LT", "CH"};

    /** ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member…: INCR adds to the score again. */
    private static final CommandRule ZADD = new CommandRule(Safety.NON_IDEMPOTENT) {
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
    private static final CommandRule LTRIM = new CommandRule(Safety.NON_IDEMPOTENT) {
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
    private static final CommandRule LREM = new CommandRule(Safety.NON_IDEMPOTENT) {
        @Override
        <A> Safety classify(A args, ArgumentAccessor<A> accessor, int offset) {
            return accessor.count(args) > offset + 1 && integer(args, accessor, offset + 1) == 0
                    ? Safety.IDEMPOTENT_WRITE
                    : Safety.NON_IDEMPOTENT;
        }
    };

    /** ACL LOG [count | RESET]: only the argument right after LOG is looked at. */
    private static final CommandRule ACL_LOG = new CommandRule(Safety.NEVER) {
        @Override
        <A> Safety classify(A args, ArgumentAccessor<A> accessor, int offset) {
            return accessor.count(args) > offset && is(args, accessor, offset, "RESET") ? Safety.NEVER : Safety.READ;
        }
    };

    /** Every command of Redis 7.0 and the subcommands of its container commands, by upper-case name. */
    static Map<String, CommandRule> rules() {
        Map<String, CommandRule> r = new LinkedHashMap<>();

        put(
                r,
                Fixed.READ,
                "BITCOUNT BITFIELD_RO BITPOS DBSIZE DUMP ECHO EXISTS EXPIRETIME GEODIST GEOHASH GEOPOS"
                        + " GEORADIUS_RO GEORADIUSBYMEMBER_RO GEOSEARCH GET GETBIT GETRANGE HEXISTS HGET HGETALL HKEYS HLEN"
                        + " HMGET HRANDFIELD HSCAN HSTRLEN HVALS INFO KEYS LASTSAVE LCS LINDEX LLEN LOLWUT LPOS LRANGE MGET"
                        + " PEXPIRETIME PFCOUNT PING PTTL RANDOMKEY ROLE SCAN SCARD SDIFF SINTER SINTERCARD SISMEMBER"
                        + " SMEMBERS SMISMEMBER SORT_RO SRANDMEMBER SSCAN STRLEN SUBSTR SUNION TIME TTL TYPE XLEN XPENDING"
                        + " XRANGE XREVRANGE ZCARD ZCOUNT ZDIFF ZINTER ZINTERCARD ZLEXCOUNT ZMSCORE ZRANDMEMBER ZRANGE"
                        + " ZRANGEBYLEX ZRANGEBYSCORE ZRANK ZREVRANGE ZREVRANGEBYLEX ZREVRANGEBYSCORE ZREVRANK ZSCAN ZSCORE"
                        + " ZUNION");
        // TOUCH only updates access times; the read-only scripts cannot write (Redis refuses).
        put(r, Fixed.READ, "TOUCH EVAL_RO EVALSHA_RO FCALL_RO");

        put(
                r,
                Fixed.IDEMPOTENT_WRITE,
                "SETEX PSETEX MSET DEL UNLINK PERSIST HSET HMSET HDEL SADD SREM ZREM"
                        + " ZREMRANGEBYSCORE ZREMRANGEBYLEX PFADD LSET SETRANGE GEOADD XACK XDEL XTRIM XSETID");
        // GETEX returns the (unchanged) value and sets or clears the TTL: the repeat returns the same
        // value and restarts a relative TTL a few ms later, as EXPIRE does. Idempotent by our rules.
        put(r, Fixed.IDEMPOTENT_WRITE, "GETEX");

        put(
                r,
                Fixed.NON_IDEMPOTENT,
                "APPEND DECR DECRBY INCR INCRBY INCRBYFLOAT HINCRBY HINCRBYFLOAT ZINCRBY"
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

        put(
                r,
                Fixed.NEVER,
                "MULTI EXEC DISCARD WATCH UNWATCH"
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
        put(
                r,
                new StoreRule(0),
                "SDIFFSTORE SINTERSTORE SUNIONSTORE ZDIFFSTORE ZINTERSTORE ZUNIONSTORE ZRANGESTORE"
                        + " GEOSEARCHSTORE PFMERGE");
        r.put("SORT", new OptionalStoreRule("STORE"));
        put(r, new OptionalStoreRule("STORE", "STOREDIST"), "GEORADIUS GEORADIUSBYMEMBER");
        r.put("COPY", replaceRule(2));
        r.put("RESTORE", replaceRule(3));
        r.put("XREAD", new BlockRule(Safety.READ));
        // XREADGROUP moves the group's last-delivered id and adds to the pending list.
        r.put("XREADGROUP", new BlockRule(Safety.NON_IDEMPOTENT));

        r.put(
                "ACL",
                container(
                                Fixed.NON_IDEMPOTENT,
                                "CAT DRYRUN GENPASS GETUSER HELP LIST USERS WHOAMI",
                                "",
                                "",
                                "DELUSER LOAD SAVE SETUSER")
                        .with("LOG", ACL_LOG));
        r.put(
                "CLIENT",
                container(
                        Fixed.NON_IDEMPOTENT,
                        "GETNAME GETREDIR HELP ID INFO LIST TRACKINGINFO",
                        "",
                        "",
                        "CACHING KILL NO-EVICT PAUSE REPLY SETNAME TRACKING UNBLOCK UNPAUSE"));
        r.put(
                "CLUSTER",
                container(
                        Fixed.NON_IDEMPOTENT,
                        "COUNT-FAILURE-REPORTS COUNTKEYSINSLOT GETKEYSINSLOT HELP INFO KEYSLOT LINKS MYID NODES REPLICAS"
                                + " SHARDS SLAVES SLOTS",
                        "",
                        "",
                        "ADDSLOTS ADDSLOTSRANGE BUMPEPOCH DELSLOTS DELSLOTSRANGE FAILOVER FLUSHSLOTS FORGET MEET REPLICATE"
                                + " RESET SAVECONFIG SET-CONFIG-EPOCH SETSLOT"));
        r.put("COMMAND", container(Fixed.READ, "COUNT DOCS GETKEYS GETKEYSANDFLAGS HELP INFO LIST", "", "", ""));
        r.put("CONFIG", container(Fixed.NON_IDEMPOTENT, "GET HELP", "", "", "RESETSTAT REWRITE SET"));
        // FUNCTION DELETE: the repeat fails ("no such library"); LOAD without REPLACE: "already exists".
        r.put(
                "FUNCTION",
                container(Fixed.NON_IDEMPOTENT, "DUMP HELP LIST STATS", "", "DELETE RESTORE", "FLUSH KILL")
                        .with("LOAD", replaceRule(0)));
        r.put(
                "LATENCY",
                container(Fixed.NON_IDEMPOTENT, "DOCTOR GRAPH HELP HISTOGRAM HISTORY LATEST", "", "", "RESET"));
        r.put("MEMORY", container(Fixed.NON_IDEMPOTENT, "DOCTOR HELP MALLOC-STATS STATS USAGE", "", "", "PURGE"));
        r.put("MODULE", container(Fixed.NON_IDEMPOTENT, "HELP LIST", "", "", "LOAD LOADEX UNLOAD"));
        r.put("OBJECT", container(Fixed.NON_IDEMPOTENT, "ENCODING FREQ HELP IDLETIME REFCOUNT", "", "", ""));
        r.put(
                "PUBSUB",
                container(Fixed.NON_IDEMPOTENT, "CHANNELS HELP NUMPAT NUMSUB SHARDCHANNELS SHARDNUMSUB", "", "", ""));
        // SCRIPT LOAD returns the same SHA1 every time.
        r.put("SCRIPT", container(Fixed.NON_IDEMPOTENT, "EXISTS HELP", "LOAD", "", "DEBUG FLUSH KILL"));
        r.put("SLOWLOG", container(Fixed.NON_IDEMPOTENT, "GET HELP LEN", "", "", "RESET"));
        // XGROUP CREATE: the repeat fails with BUSYGROUP. The others converge, replying a count.
        r.put(
                "XGROUP",
                container(Fixed.NON_IDEMPOTENT, "HELP", "CREATECONSUMER DELCONSUMER DESTROY SETID", "CREATE", ""));
        r.put("XINFO", container(Fixed.NON_IDEMPOTENT, "CONSUMERS GROUPS HELP STREAM", "", "", ""));
        return r;
    }

    private static void put(Map<String, CommandRule> rules, CommandRule rule, String names) {
        for (String name : names.trim().split("\\s+")) {
            if (rules.put(name, rule) != null) {
                throw new IllegalStateException(name + " is classified twice");
            }
        }
    }

    private static Container container(
            CommandRule unknownSub, String read, String idempotent, String nonIdempotent, String never) {
        Map<String, CommandRule> subs = new LinkedHashMap<>();
        putAll(subs, Fixed.READ, read);
        putAll(subs, Fixed.IDEMPOTENT_WRITE, idempotent);
        putAll(subs, Fixed.NON_IDEMPOTENT, nonIdempotent);
        putAll(subs, Fixed.NEVER, never);
        return new Container(subs, unknownSub);
    }

    private static void putAll(Map<String, CommandRule> rules, CommandRule rule, String names) {
        if (!names.trim().isEmpty()) {
            put(rules, rule, names);
        }
    }
}

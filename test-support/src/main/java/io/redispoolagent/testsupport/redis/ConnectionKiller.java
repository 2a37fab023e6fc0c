package io.redispoolagent.testsupport.redis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A storm of {@code CLIENT KILL}s: each {@link #killRound()} kills every normal client that was already
 * connected two rounds before, so with a round every 20 ms no connection lives much longer than 40–60 ms.
 *
 * <p>Why not {@code CLIENT KILL TYPE normal}, which kills everything at once: it also kills the
 * connection a retry has just opened, in the middle of its handshake, and whether a command then
 * survives its attempts depends on how long a handshake takes on the machine (a few round trips, longer
 * on a busy box) against the fixed period — a test outcome decided by the machine's load. Sparing a
 * connection for its first two rounds is what every real fault does (a restart, a failover, a balancer's
 * reset hit established connections, not each reconnect within milliseconds), and every connection the
 * application has borrowed still dies under it. Client ids grow monotonically, which is what makes
 * "connected two rounds ago" one comparison.
 */
public final class ConnectionKiller implements AutoCloseable {

    private final RespClient admin;
    private final long ownId;
    private long newestIdOneRoundAgo;
    private long newestIdTwoRoundsAgo;

    /** Connects to the server, as the default user with {@code adminPassword} when it is not null. */
    public ConnectionKiller(String host, int port, String adminPassword) throws IOException {
        admin = new RespClient(host, port);
        if (adminPassword != null) {
            admin.call("AUTH", adminPassword);
        }
        ownId = (Long) admin.call("CLIENT", "ID");
        newestIdOneRoundAgo = newestIdTwoRoundsAgo = ownId;
    }

    /** Kills the normal clients that were connected two rounds ago (or before this killer); returns how many. */
    public long killRound() throws IOException {
        List<Long> ids = normalClientIds();
        long killed = 0;
        for (long id : ids) {
            if (id != ownId && id <= newestIdTwoRoundsAgo) {
                Object reply = admin.call("CLIENT", "KILL", "ID", Long.toString(id));
                if (reply instanceof Long) {
                    killed += (Long) reply;
                }
            }
        }
        newestIdTwoRoundsAgo = newestIdOneRoundAgo;
        newestIdOneRoundAgo = ids.stream().mapToLong(Long::longValue).max().orElse(newestIdOneRoundAgo);
        return killed;
    }

    private List<Long> normalClientIds() throws IOException {
        Object reply = admin.call("CLIENT", "LIST", "TYPE", "normal");
        if (!(reply instanceof String)) {
            throw new IOException("CLIENT LIST answered " + reply);
        }
        List<Long> ids = new ArrayList<>();
        for (String line : ((String) reply).split("\n")) {
            if (line.startsWith("id=")) {
                int end = line.indexOf(' ');
                ids.add(Long.parseLong(line.substring(3, end < 0 ? line.length() : end)));
            }
        }
        return ids;
    }

    @Override
    public void close() throws IOException {
        admin.close();
    }
}

package io.redispoolagent.sample.service;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The token/auth logic of the source reports' service, one Redis command per pool borrow:
 *
 * <ul>
 *   <li>login: rate limit per user (INCR + EXPIRE on the first hit of a window), session hash (HSET + EXPIRE),
 *       random token;
 *   <li>verify: blacklist check (EXISTS), session read (HGET);
 *   <li>logout: blacklist the token (SETEX), drop the session (DEL).
 * </ul>
 */
public final class AuthService {
    static final String RATE_LIMIT_PREFIX = "ratelimit:login:";
    static final String SESSION_PREFIX = "session:";
    static final String BLACKLIST_PREFIX = "token:blacklist:";

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final RedisOps redis;
    private final int loginLimitPerWindow;
    private final int rateWindowSeconds;
    private final int sessionTtlSeconds;
    private final SecureRandom random = new SecureRandom();

    public AuthService(RedisOps redis, int loginLimitPerWindow, int rateWindowSeconds, int sessionTtlSeconds) {
        this.redis = redis;
        this.loginLimitPerWindow = loginLimitPerWindow;
        this.rateWindowSeconds = rateWindowSeconds;
        this.sessionTtlSeconds = sessionTtlSeconds;
    }

    /** Returns a new token, or null when the user is over the login rate limit. */
    public String login(String user) {
        String rateKey = RATE_LIMIT_PREFIX + user;
        long count = redis.incr(rateKey);
        if (count == 1) {
            redis.expire(rateKey, rateWindowSeconds);
        }
        if (count > loginLimitPerWindow) {
            return null;
        }
        String token = newToken();
        Map<String, String> session = new LinkedHashMap<>();
        session.put("user", user);
        session.put("created", Long.toString(System.currentTimeMillis()));
        String sessionKey = SESSION_PREFIX + token;
        redis.hset(sessionKey, session);
        redis.expire(sessionKey, sessionTtlSeconds);
        return token;
    }

    /** Returns the user the token belongs to, or null when it is revoked, unknown or expired. */
    public String verify(String token) {
        if (redis.exists(BLACKLIST_PREFIX + token)) {
            return null;
        }
        return redis.hget(SESSION_PREFIX + token, "user");
    }

    /** Revokes the token; false when there was no live session for it. */
    public boolean logout(String token) {
        redis.setex(BLACKLIST_PREFIX + token, sessionTtlSeconds, "1");
        return redis.del(SESSION_PREFIX + token) > 0;
    }

    private String newToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        char[] out = new char[32];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }
}

package io.redispoolagent.reflect;

import java.util.ArrayList;
import java.util.List;

/**
 * The releases of a client library in which a class or member exists: from one version (inclusive)
 * up to another (exclusive), either end open. Versions compare by their leading numbers, so {@code
 * 6.8.2.RELEASE} and {@code 4.1.63.Final} read as 6.8.2 and 4.1.63.
 */
public final class Versions {

    public static final Versions ALL = new Versions(null, null);

    private final String from;
    private final String before;

    private Versions(String from, String before) {
        this.from = from;
        this.before = before;
    }

    public static Versions from(String version) {
        return new Versions(version, null);
    }

    public static Versions before(String version) {
        return new Versions(null, version);
    }

    public boolean contains(String version) {
        return (from == null || compare(version, from) >= 0) && (before == null || compare(version, before) < 0);
    }

    @Override
    public String toString() {
        return from == null && before == null
                ? "all versions"
                : from == null
                        ? "before " + before
                        : before == null ? from + " and later" : from + " to before " + before;
    }

    static int compare(String left, String right) {
        List<Integer> a = numbers(left);
        List<Integer> b = numbers(right);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int difference = Integer.compare(i < a.size() ? a.get(i) : 0, i < b.size() ? b.get(i) : 0);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    private static List<Integer> numbers(String version) {
        List<Integer> numbers = new ArrayList<>();
        for (String part : version.split("\\.")) {
            if (part.isEmpty() || !Character.isDigit(part.charAt(0))) {
                break;
            }
            int end = 0;
            while (end < part.length() && Character.isDigit(part.charAt(end))) {
                end++;
            }
            numbers.add(Integer.parseInt(part.substring(0, end)));
            if (end < part.length()) {
                break;
            }
        }
        return numbers;
    }
}

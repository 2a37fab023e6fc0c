import io.redispoolagent.testsupport.json.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Prints the side-by-side table of medians for one bench/compare.sh results folder.
 *
 * <p>{@code java -cp sample-app/target/sample-app.jar bench/Summary.java bench/results/<timestamp>} (Java 11+ runs a
 * single source file directly; the sample app's jar brings the tests' JSON reader and the Jackson it reads with).
 * It reads every {@code u<USERS>-<without|with>-r<RUN>.json} the load generator wrote and, per user count and mode,
 * takes the median of each figure over the runs (the mean of the middle two for an even count).
 */
public final class Summary {
  private static final Pattern NAME = Pattern.compile("u(\\d+)-(without|with)-r(\\d+)\\.json");

  /** label, JSON path, format; "%" formats a 0..1 rate as a percentage. */
  private static final String[][] ROWS = {
      {"requests", "requests", "int"},
      {"failures", "failures", "int"},
      {"failure rate", "failureRate", "%"},
      {"503 (pool exhausted)", "failuresByCause.http_503", "int"},
      {"requests/s", "rps", "dec"},
      {"latency p50 ms", "latencyMs.p50", "dec"},
      {"latency p95 ms", "latencyMs.p95", "dec"},
      {"latency p99 ms", "latencyMs.p99", "dec"},
      {"service p95 ms", "serviceTimeMs.p95", "dec"},
  };

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: java bench/Summary.java RESULTS_DIR");
      System.exit(2);
    }
    Path dir = Paths.get(args[0]);
    // users -> mode -> runs
    Map<Integer, Map<String, List<Map<String, Object>>>> runs = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files.sorted()::iterator) {
        Matcher m = NAME.matcher(f.getFileName().toString());
        if (!m.matches()) {
          continue;
        }
        Map<String, Object> json = JsonReader.object(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
        runs.computeIfAbsent(Integer.parseInt(m.group(1)), u -> new LinkedHashMap<>())
            .computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(json);
      }
    }
    if (runs.isEmpty()) {
      System.err.println("no u<USERS>-<without|with>-r<N>.json files in " + dir);
      System.exit(1);
    }
    StringBuilder out = new StringBuilder();
    out.append("Medians per scenario (without = the app's own pool, with = -javaagent, redis.pool.env=production)\n");
    for (Map.Entry<Integer, Map<String, List<Map<String, Object>>>> e : runs.entrySet()) {
      List<Map<String, Object>> without = e.getValue().getOrDefault("without", Collections.emptyList());
      List<Map<String, Object>> with = e.getValue().getOrDefault("with", Collections.emptyList());
      out.append(String.format(Locale.ROOT, "%n%,d users  (runs: %d without, %d with)%n", e.getKey(), without.size(),
          with.size()));
      out.append(String.format(Locale.ROOT, "  %-22s %14s %14s%n", "", "without agent", "with agent"));
      for (String[] row : ROWS) {
        out.append(String.format(Locale.ROOT, "  %-22s %14s %14s%n", row[0], format(median(without, row[1]), row[2]),
            format(median(with, row[1]), row[2])));
      }
      out.append(String.format(Locale.ROOT, "  %-22s %14s %14s%n", "pool (from /stats)", pool(without), pool(with)));
    }
    System.out.print(out);
    Files.write(dir.resolve("summary.txt"), out.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Median of a numeric field over the runs; a missing field counts as 0 (e.g. no 503 at all); NaN with no runs. */
  static double median(List<Map<String, Object>> runs, String path) {
    if (runs.isEmpty()) {
      return Double.NaN;
    }
    List<Double> values = new ArrayList<>();
    for (Map<String, Object> run : runs) {
      if (path.equals("failureRate")) { // recomputed: the JSON rounds it
        double requests = number(run, "requests");
        values.add(requests == 0 ? 0.0 : number(run, "failures") / requests);
      } else {
        values.add(number(run, path));
      }
    }
    Collections.sort(values);
    int n = values.size();
    return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2.0;
  }

  private static double number(Map<String, Object> run, String path) {
    Object v = get(run, path);
    return v instanceof Number ? ((Number) v).doubleValue() : 0.0;
  }

  private static String pool(List<Map<String, Object>> runs) {
    if (runs.isEmpty()) {
      return "-";
    }
    Object p = get(runs.get(0), "serviceStats.pool");
    if (!(p instanceof String)) {
      return "?";
    }
    Matcher m = Pattern.compile("maxTotal=(\\d+).*?maxWait=(\\S+)").matcher((String) p);
    return m.find() ? m.group(1) + " / " + m.group(2) : "?";
  }

  private static Object get(Map<String, Object> root, String path) {
    Object cur = root;
    for (String part : path.split("\\.")) {
      if (!(cur instanceof Map)) {
        return null;
      }
      cur = ((Map<?, ?>) cur).get(part);
    }
    return cur;
  }

  private static String format(double v, String kind) {
    if (Double.isNaN(v)) {
      return "-";
    }
    switch (kind) {
      case "int":
        return String.format(Locale.ROOT, "%,.0f", v);
      case "%":
        return String.format(Locale.ROOT, "%.2f %%", v * 100);
      default:
        return String.format(Locale.ROOT, "%,.1f", v);
    }
  }
}

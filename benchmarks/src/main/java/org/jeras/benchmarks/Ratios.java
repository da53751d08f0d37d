package org.jeras.benchmarks;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link MlpBenchmark} and prints Jeras/DL4J ratios of the median times, the numbers the
 * README records. Arguments: {@code [iterations] [seconds per iteration]} (default 5 and 2).
 */
public final class Ratios {
  private Ratios() {}

  public static void main(String[] args) throws RunnerException {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    ChainedOptionsBuilder o = new OptionsBuilder()
        .include(MlpBenchmark.class.getName())
        .warmupIterations(iterations)
        .warmupTime(TimeValue.seconds(seconds))
        .measurementIterations(iterations)
        .measurementTime(TimeValue.seconds(seconds));
    Collection<RunResult> results = new Runner(o.build()).run();
    Map<String, Double> medians = new TreeMap<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark().replaceAll(".*\\.", "") + "@" + r.getParams().getParam("batch");
      medians.put(name, r.getPrimaryResult().getStatistics().getPercentile(50));
    }
    System.out.println();
    System.out.println("median us          Jeras        DL4J   Jeras/DL4J   target");
    row(medians, "predict", "1", 0.5);
    row(medians, "predict", "128", 1.0);
    row(medians, "trainStep", "128", 1.0);
  }

  private static void row(Map<String, Double> m, String what, String batch, double target) {
    Double j = m.get("jeras" + cap(what) + "@" + batch);
    Double d = m.get("dl4j" + cap(what) + "@" + batch);
    if (j == null || d == null) {
      return;
    }
    System.out.printf(Locale.US, "%-9s b%-5s %10.1f  %10.1f   %10.2f   <= %.1f%n", what, batch, j, d, j / d, target);
  }

  private static String cap(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}

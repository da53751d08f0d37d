package org.jeras.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jeras bench}: a load line, then one line per batch size with ordered percentiles and memory. */
class BenchCommandTest {
  private static final Pattern LINE = Pattern.compile("batch (\\d+): median ([0-9.]+) ms, p90 ([0-9.]+) ms"
      + " \\((\\d+) iterations, (\\d+) warm-up\\); heap used ([0-9.]+) MiB, off-heap ([0-9.]+) MiB"
      + " \\(RSS ([0-9.]+) MiB less heap used\\)");

  @TempDir
  Path tmp;

  @Test
  void oneLinePerBatchSize() {
    Path file = CliRun.denseModel(tmp, "m.keras");
    CliRun r = CliRun.of("bench", file.toString(), "--iterations", "5", "--batch", "1,3", "--warmup", "2");
    assertEquals(0, r.status(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(3, lines.size(), r.out());
    assertTrue(lines.get(0).matches("load: [0-9.]+ ms"), lines.get(0));
    int[] expectedBatch = {1, 3};
    for (int i = 0; i < 2; i++) {
      Matcher m = LINE.matcher(lines.get(i + 1));
      assertTrue(m.matches(), lines.get(i + 1));
      assertEquals(expectedBatch[i], Integer.parseInt(m.group(1)));
      double median = Double.parseDouble(m.group(2));
      double p90 = Double.parseDouble(m.group(3));
      assertTrue(median > 0 && p90 >= median, lines.get(i + 1));
      assertEquals(5, Integer.parseInt(m.group(4)));
      assertEquals(2, Integer.parseInt(m.group(5)));
      assertTrue(Double.parseDouble(m.group(6)) > 0, lines.get(i + 1));
      // ND4J's natives, weights and inputs live off-heap: more than nothing, less than the whole process.
      double offHeap = Double.parseDouble(m.group(7));
      assertTrue(offHeap > 0 && offHeap < Double.parseDouble(m.group(8)), lines.get(i + 1));
    }
  }

  @Test
  void percentileIsNearestRank() {
    double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertEquals(5, Bench.percentile(v, 0.5));
    assertEquals(9, Bench.percentile(v, 0.9));
    assertEquals(1, Bench.percentile(new double[] {1}, 0.9));
  }

  @Test
  void badCountsAreOneLine() {
    Path file = CliRun.denseModel(tmp, "m.keras");
    CliRun.of("bench", file.toString(), "--batch", "0").assertOneFailureLine();
    CliRun.of("bench", file.toString(), "--iterations", "0").assertOneFailureLine();
  }
}

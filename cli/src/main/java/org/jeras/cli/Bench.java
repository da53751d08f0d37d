package org.jeras.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;
import org.jeras.core.graph.TensorSpec;
import org.jeras.core.model.Model;
import org.jeras.export.Exporter;
import org.jeras.saving.LoadOptions;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What {@code jeras bench} measures: load time, then predictOnBatch latency and memory per batch size. */
final class Bench {
  private Bench() {}

  static void run(Path file, LoadOptions load, List<Integer> batches, int warmup, int iterations, PrintStream out) {
    long t0 = System.nanoTime();
    Model model = Commands.model(file, load);
    out.printf(Locale.ROOT, "load: %.1f ms%n", (System.nanoTime() - t0) / 1e6);
    List<TensorSpec> specs = Exporter.signature(model);
    for (int batch : batches) {
      List<INDArray> xs = inputs(specs, batch);
      for (int i = 0; i < warmup; i++) {
        model.predictOnBatch(xs);
      }
      double[] ms = new double[iterations];
      for (int i = 0; i < iterations; i++) {
        long s = System.nanoTime();
        model.predictOnBatch(xs);
        ms[i] = (System.nanoTime() - s) / 1e6;
      }
      Arrays.sort(ms);
      Runtime rt = Runtime.getRuntime();
      // ND4J M2.1's CPU buffers are counted neither by JavaCPP (Pointer.totalBytes()) nor by its
      // memory manager, so off-heap is read as the resident set (JavaCPP's reading) less the heap
      // in use: ND4J's buffers, the native libraries and the JVM's own memory. Committed heap is
      // no measure here: much of it is never touched, hence not resident.
      long used = rt.totalMemory() - rt.freeMemory();
      long rss = Pointer.physicalBytes();
      out.printf(Locale.ROOT,
          "batch %d: median %.3f ms, p90 %.3f ms (%d iterations, %d warm-up); heap used %.1f MiB, off-heap %.1f MiB"
              + " (RSS %.1f MiB less heap used)%n",
          batch, percentile(ms, 0.5), percentile(ms, 0.9), iterations, warmup,
          mib(used), mib(rss - used), mib(rss));
    }
  }

  /** {@link TensorSpec#randomInput} for each input; an input with an unknown dimension is a usage error. */
  private static List<INDArray> inputs(List<TensorSpec> specs, int batch) {
    List<INDArray> xs = new ArrayList<>();
    for (TensorSpec spec : specs) {
      try {
        xs.add(spec.randomInput(batch));
      } catch (IllegalArgumentException e) {
        throw new CommandException(e.getMessage());
      }
    }
    return xs;
  }

  /** The nearest-rank percentile of sorted {@code values}. */
  static double percentile(double[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}

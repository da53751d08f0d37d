package org.jeras.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jeras.core.model.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs {@code predictOnBatch} on one shared model from several threads at once and checks that
 * every call succeeds and gives, bit for bit, what a single-threaded call gives.
 */
public final class ConcurrentInference {
  private ConcurrentInference() {}

  /**
   * {@code threads} threads each predict {@code calls} times on {@code inputs} (and read the
   * model's losses after each call) at the same time; then one more call on this thread is the
   * reference. Every result must equal it bit for bit. The model may be unbuilt: the threads then
   * race to build it, and a second build would show as different weights.
   */
  public static void check(Model model, List<INDArray> inputs, int threads, int calls, String what) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<INDArray>>> firsts = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Callable<List<INDArray>> job = () -> {
          start.await();
          List<INDArray> first = null;
          for (int i = 0; i < calls; i++) {
            List<INDArray> got = model.predictOnBatch(inputs);
            model.losses();
            if (first == null) {
              first = got;
            } else {
              assertSame(first, got, what + ": thread " + thread + " call " + i);
            }
          }
          return first;
        };
        firsts.add(pool.submit(job));
      }
      start.countDown();
      List<List<INDArray>> results = new ArrayList<>();
      for (Future<List<INDArray>> f : firsts) {
        try {
          results.add(f.get(10, TimeUnit.MINUTES));
        } catch (ExecutionException e) {
          throw new AssertionError(what + ": a concurrent call failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
          throw new AssertionError(what + ": " + e, e);
        }
      }
      List<INDArray> reference = model.predictOnBatch(inputs);
      for (int t = 0; t < results.size(); t++) {
        assertSame(reference, results.get(t), what + ": thread " + t + " against a single-threaded call");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Whether two calls' outputs are the same bit for bit (NaNs with the same bits count as equal). */
  public static void assertSame(List<INDArray> expected, List<INDArray> actual, String what) {
    assertEquals(expected.size(), actual.size(), what + ": number of outputs");
    for (int o = 0; o < expected.size(); o++) {
      INDArray e = expected.get(o);
      INDArray a = actual.get(o);
      String where = what + ", output " + o;
      assertEquals(e.dataType(), a.dataType(), where + ": dtype");
      if (!Arrays.equals(e.shape(), a.shape())) {
        fail(where + ": shape " + Arrays.toString(a.shape()) + " != " + Arrays.toString(e.shape()));
      }
      if (e.dataType() == DataType.UTF8) {
        assertEquals(e.toString(), a.toString(), where);
        continue;
      }
      // Widening to double is exact, so equal double bits mean equal bits in the array's own type.
      double[] ev = e.castTo(DataType.DOUBLE).reshape(e.length()).toDoubleVector();
      double[] av = a.castTo(DataType.DOUBLE).reshape(a.length()).toDoubleVector();
      for (int i = 0; i < ev.length; i++) {
        if (Double.doubleToRawLongBits(ev[i]) != Double.doubleToRawLongBits(av[i])) {
          fail(where + ": element " + i + " is " + av[i] + ", single-threaded gives " + ev[i]);
        }
      }
    }
  }
}

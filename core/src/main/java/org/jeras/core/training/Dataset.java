package org.jeras.core.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jeras.core.ops.Kernels;
import org.jeras.core.tensor.StringArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * In-memory training data split into batches like Keras's array adapter: rows in order (or
 * shuffled once per epoch), the last batch possibly smaller.
 */
public final class Dataset {
  /** Keras's {@code batch_size} when none is given to {@code fit}, {@code evaluate} or {@code predict}. */
  public static final int DEFAULT_BATCH_SIZE = 32;
  private static final long[] GATHER_ROWS = {0};
  private final List<INDArray> x;
  private final List<INDArray> y;
  private final INDArray sampleWeight;

  /**
   * In-memory data: inputs, targets and optional per-sample weights, all with the same number of rows.
   *
   * @param x one array per model input
   * @param y one array per model output; null or empty for none
   * @param sampleWeight per-sample weights, or null
   */
  public Dataset(List<INDArray> x, List<INDArray> y, INDArray sampleWeight) {
    this.x = List.copyOf(x);
    this.y = y == null ? List.of() : List.copyOf(y);
    this.sampleWeight = sampleWeight;
    long n = x.get(0).size(0);
    for (INDArray a : this.x) {
      check(a, n, "x");
    }
    for (INDArray a : this.y) {
      check(a, n, "y");
    }
    if (sampleWeight != null) {
      check(sampleWeight, n, "sample_weight");
    }
  }

  private static void check(INDArray a, long n, String what) {
    if (a.size(0) != n) {
      throw new IllegalArgumentException("Data cardinality is ambiguous: " + what + " has " + a.size(0)
          + " samples but x has " + n);
    }
  }

  /** {@return the number of rows} */
  public long size() {
    return x.get(0).size(0);
  }

  /**
   * Refuses a batch size below 1 (a typed error instead of a division by zero or an endless loop).
   *
   * @param batchSize the requested batch size
   * @return {@code batchSize}
   * @throws IllegalArgumentException if it is below 1
   */
  public static int checkBatchSize(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch_size must be a positive integer, got " + batchSize);
    }
    return batchSize;
  }

  /**
   * {@return the number of batches of an epoch, the last one possibly partial}
   *
   * @param batchSize rows per batch
   */
  public int batches(int batchSize) {
    checkBatchSize(batchSize);
    return (int) ((size() + batchSize - 1) / batchSize);
  }

  /**
   * Keras's {@code validation_split}: the last {@code fraction} of rows, and the rest.
   *
   * @param fraction the share of rows held out for validation, in (0, 1)
   * @return the training part and the validation part, in that order
   */
  public Dataset[] splitTail(double fraction) {
    long n = size();
    long split = (long) Math.floor(n * (1 - fraction));
    return new Dataset[] {rows(0, split), rows(split, n)};
  }

  private Dataset rows(long from, long to) {
    List<INDArray> xs = new ArrayList<>();
    for (INDArray a : x) {
      xs.add(a.get(NDArrayIndex.interval(from, to)).dup());
    }
    List<INDArray> ys = new ArrayList<>();
    for (INDArray a : y) {
      ys.add(a.get(NDArrayIndex.interval(from, to)).dup());
    }
    INDArray sw = sampleWeight == null ? null : sampleWeight.get(NDArrayIndex.interval(from, to)).dup();
    return new Dataset(xs, ys, sw);
  }

  /**
   * {@return this data with sample weights from {@code classWeight} (by argmax for one-hot targets)}
   *
   * @param classWeight the weight of each class index
   */
  public Dataset withClassWeight(Map<Integer, Double> classWeight) {
    if (classWeight == null || classWeight.isEmpty()) {
      return this;
    }
    INDArray target = y.get(0);
    INDArray classes = target.rank() > 1 && target.size(-1) > 1
        ? Nd4j.argMax(target, -1)
        : target.reshape(target.size(0));
    double[] w = new double[(int) size()];
    for (int i = 0; i < w.length; i++) {
      int c = (int) classes.getDouble(i);
      Double cw = classWeight.get(c);
      if (cw == null) {
        throw new IllegalArgumentException("class_weight has no entry for class " + c);
      }
      w[i] = cw * (sampleWeight == null ? 1.0 : sampleWeight.getDouble(i));
    }
    return new Dataset(x, y, Nd4j.createFromArray(w).castTo(DataType.FLOAT));
  }

  /**
   * {@return the batches of one epoch, shuffled with {@code random} when it is not null}
   *
   * @param batchSize rows per batch
   * @param random the shuffling generator, or null to keep the order
   */
  public Iterator<Batch> iterator(int batchSize, Random random) {
    checkBatchSize(batchSize);
    long n = size();
    int[] order = new int[(int) n];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    if (random != null) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    return new Iterator<>() {
      long start = 0;

      @Override
      public boolean hasNext() {
        return start < n;
      }

      @Override
      public Batch next() {
        long end = Math.min(n, start + batchSize);
        Batch b = random == null ? contiguous(start, end) : gathered(order, (int) start, (int) end);
        start = end;
        return b;
      }
    };
  }

  private Batch contiguous(long from, long to) {
    List<INDArray> xs = new ArrayList<>();
    for (INDArray a : x) {
      xs.add(a.get(NDArrayIndex.interval(from, to)));
    }
    List<INDArray> ys = new ArrayList<>();
    for (INDArray a : y) {
      ys.add(a.get(NDArrayIndex.interval(from, to)));
    }
    return new Batch(xs, ys, sampleWeight == null ? null : sampleWeight.get(NDArrayIndex.interval(from, to)));
  }

  private Batch gathered(int[] order, int from, int to) {
    int[] rows = Arrays.copyOfRange(order, from, to);
    List<INDArray> xs = new ArrayList<>();
    for (INDArray a : x) {
      xs.add(pull(a, rows));
    }
    List<INDArray> ys = new ArrayList<>();
    for (INDArray a : y) {
      ys.add(pull(a, rows));
    }
    return new Batch(xs, ys, sampleWeight == null ? null : pull(sampleWeight, rows));
  }

  /** Rows {@code rows} of {@code a}, in that order, in one gather (not one op per row). */
  private static INDArray pull(INDArray a, int[] rows) {
    long[] shape = withRows(a.shape(), rows.length);
    if (a.dataType() == DataType.UTF8) {
      // ND4J's gather takes no strings; copy them element by element.
      long width = a.length() / Math.max(1, a.size(0));
      String[] out = new String[(int) (rows.length * width)];
      for (int i = 0; i < rows.length; i++) {
        for (int j = 0; j < width; j++) {
          out[(int) (i * width + j)] = a.getString(rows[i] * width + j);
        }
      }
      return StringArrays.of(shape, out);
    }
    return Kernels.execInts("gather", Nd4j.createUninitialized(a.dataType(), shape), GATHER_ROWS, a,
        Nd4j.createFromArray(rows));
  }

  private static long[] withRows(long[] shape, long rows) {
    long[] s = shape.clone();
    s[0] = rows;
    return s;
  }
}

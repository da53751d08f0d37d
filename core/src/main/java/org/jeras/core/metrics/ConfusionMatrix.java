package org.jeras.core.metrics;

import java.util.Arrays;
import org.jeras.core.losses.LossOps;
import org.jeras.core.ops.Broadcast;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's {@code update_confusion_matrix_variables} for one label set: weighted counts of true
 * positives, false positives, true negatives and false negatives per threshold, where an entry is
 * predicted positive when {@code y_pred > threshold}. Shared by Precision, Recall and AUC.
 */
final class ConfusionMatrix {
  /** Keras's {@code NEG_INF}: the score given to entries outside the top k. */
  static final double NEG_INF = -1e10;

  /** The four counters; a null entry is not updated. */
  record Counters(Variable tp, Variable fp, Variable tn, Variable fn) {}

  private ConfusionMatrix() {}

  /** Keras's {@code is_evenly_distributed_thresholds}: {@code i / (n - 1)} within eps (np.allclose). */
  static boolean evenlyDistributed(double[] thresholds) {
    int n = thresholds.length;
    if (n < 3) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      double even = (float) i / (float) (n - 1);
      if (Math.abs(thresholds[i] - even) > LossOps.EPSILON + 1e-5 * Math.abs(even)) {
        return false;
      }
    }
    return true;
  }

  static void update(Counters counters, Tensor yTrue, Tensor yPred, double[] thresholds, boolean evenly,
      Integer topK, Integer classId, Tensor sampleWeight) {
    Tensor[] aligned = LossOps.squeezeOrExpand(Tensor.of(yPred.value().castTo(DataType.FLOAT)),
        Tensor.of(yTrue.value().castTo(DataType.FLOAT)), true);
    INDArray pred = aligned[0].value();
    INDArray label = aligned[1].value();
    INDArray weight = null;
    if (sampleWeight != null) {
      Tensor w = Tensor.of(sampleWeight.value().castTo(DataType.FLOAT).reshape(append1(sampleWeight.value().shape())));
      weight = LossOps.squeezeOrExpand(Tensor.of(label), w, false)[1].value();
    }
    if (topK != null) {
      pred = filterTopK(pred, topK);
    }
    if (classId != null) {
      if (pred.rank() == 1) {
        throw new IllegalArgumentException("class_id needs y_pred of shape (samples, classes), got " + shapeOf(pred));
      }
      pred = column(pred, classId);
      label = column(label, classId);
    }
    long n = pred.length();
    float[] p = pred.reshape(n).toFloatVector();
    float[] t = Broadcast.to(label, pred.shape()).dup('c').reshape(n).toFloatVector();
    float[] w = weight == null ? null : Broadcast.to(weight.castTo(DataType.FLOAT), pred.shape()).dup('c').reshape(n).toFloatVector();
    int m = thresholds.length;
    double[] tp = new double[m];
    double[] fp = new double[m];
    double[] tn = new double[m];
    double[] fn = new double[m];
    boolean withEpsilon = evenly && (thresholds[0] < 0 || thresholds[m - 1] > 1);
    for (int i = 0; i < n; i++) {
      double wi = w == null ? 1.0 : w[i];
      boolean positive = t[i] != 0;
      if (evenly) {
        // Keras's bucketed path: entry i counts for thresholds 0..bucket.
        float clipped = Math.min(Math.max(p[i], 0f), 1f);
        int bucket = (int) ((float) Math.ceil(clipped * (float) (m - 1)) - 1f);
        if (withEpsilon) {
          bucket = Math.max(bucket, 0);
        }
        for (int j = 0; j < m; j++) {
          count(j <= bucket, positive, wi, j, tp, fp, tn, fn);
        }
      } else {
        for (int j = 0; j < m; j++) {
          count(p[i] > (float) thresholds[j], positive, wi, j, tp, fp, tn, fn);
        }
      }
    }
    add(counters.tp(), tp);
    add(counters.fp(), fp);
    add(counters.tn(), tn);
    add(counters.fn(), fn);
  }

  private static void count(boolean predicted, boolean positive, double w, int j,
      double[] tp, double[] fp, double[] tn, double[] fn) {
    if (predicted) {
      if (positive) {
        tp[j] += w;
      } else {
        fp[j] += w;
      }
    } else if (positive) {
      fn[j] += w;
    } else {
      tn[j] += w;
    }
  }

  private static void add(Variable v, double[] delta) {
    if (v != null) {
      Metric.assignAdd(v, Nd4j.createFromArray(delta).reshape(v.array().shape()));
    }
  }

  /** Keras's {@code _filter_top_k}: scores outside each row's top k become {@link #NEG_INF}. */
  private static INDArray filterTopK(INDArray x, int k) {
    long classes = x.size(-1);
    INDArray rows = x.reshape(-1, classes).dup();
    for (long r = 0; r < rows.size(0); r++) {
      INDArray row = rows.getRow(r);
      float[] v = row.toFloatVector();
      Integer[] order = new Integer[v.length];
      for (int i = 0; i < v.length; i++) {
        order[i] = i;
      }
      // stable descending order: among ties the lower index is kept, as top_k does
      Arrays.sort(order, (a, b) -> Float.compare(v[b], v[a]));
      for (int i = k; i < order.length; i++) {
        row.putScalar(order[i], NEG_INF);
      }
    }
    return rows.reshape(x.shape());
  }

  private static INDArray column(INDArray x, int classId) {
    long[] s = x.shape();
    INDArray cols = x.reshape(-1, s[s.length - 1]).getColumn(classId, true).dup();
    long[] out = s.clone();
    out[out.length - 1] = 1;
    return cols.reshape(out);
  }

  private static long[] append1(long[] shape) {
    long[] out = Arrays.copyOf(shape, shape.length + 1);
    out[shape.length] = 1;
    return out;
  }

  private static String shapeOf(INDArray x) {
    return Arrays.toString(x.shape());
  }
}

package org.jeras.core.losses;

import static org.jeras.core.tensor.GradientTape.recordOp;

import java.util.Arrays;
import org.jeras.core.config.Config;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Keras's {@code CTC} (connectionist temporal classification) loss: {@code y_true} holds integer
 * labels {@code (batch, max_label_length)} padded with 0 (0 is also the blank class),
 * {@code y_pred} logits {@code (batch, time, classes)}; per sample the loss is
 * {@code -log p(labels | logits)} summed over all alignments, every time step used. Computed by
 * the forward-backward recursion in float64 log space; the gradient with respect to the logits is
 * {@code softmax - occupancy}.
 */
public final class CTC extends Loss {
  /** Keras's {@code CTC()}. */
  public CTC() {
    super("ctc");
  }

  @Override
  protected Tensor compute(Tensor yTrue, Tensor yPred) {
    if (yTrue.rank() != 2) {
      throw new IllegalArgumentException("CTC: targets y_true are expected to have shape (batch_size, max_length) "
          + "in integer format, got shape " + yTrue.shape());
    }
    if (yPred.rank() != 3) {
      throw new IllegalArgumentException("CTC: logits y_pred are expected to have shape "
          + "(batch_size, max_length, num_classes), got shape " + yPred.shape());
    }
    long[] s = yPred.value().shape();
    int batch = (int) s[0];
    int time = (int) s[1];
    int classes = (int) s[2];
    if (yTrue.value().size(0) != batch) {
      throw new IllegalArgumentException("CTC: " + yTrue.value().size(0) + " label rows for a batch of " + batch);
    }
    double[][][] logits = new double[batch][time][];
    INDArray p = yPred.value().castTo(DataType.DOUBLE);
    for (int b = 0; b < batch; b++) {
      for (int t = 0; t < time; t++) {
        logits[b][t] = p.get(NDArrayIndex.point(b), NDArrayIndex.point(t), NDArrayIndex.all()).toDoubleVector();
      }
    }
    long[][] labels = new long[batch][];
    INDArray t = yTrue.value().castTo(DataType.LONG);
    for (int b = 0; b < batch; b++) {
      labels[b] = labels(t.getRow(b).toLongVector(), classes, b);
    }
    double[] loss = new double[batch];
    double[][][] grad = new double[batch][][];
    for (int b = 0; b < batch; b++) {
      grad[b] = new double[time][classes];
      loss[b] = sample(logits[b], labels[b], grad[b]);
    }
    DataType dt = yPred.value().dataType();
    INDArray out = Nd4j.createFromArray(loss).castTo(dt);
    return recordOp(out, g -> {
      double[] up = g.castTo(DataType.DOUBLE).toDoubleVector();
      double[] flat = new double[batch * time * classes];
      for (int b = 0; b < batch; b++) {
        for (int k = 0; k < time; k++) {
          for (int c = 0; c < classes; c++) {
            flat[(b * time + k) * classes + c] = up[b] * grad[b][k][c];
          }
        }
      }
      return new INDArray[] {Nd4j.create(flat, s, 'c').castTo(dt)};
    }, yPred);
  }

  /** The labels of one row: its non-zero count, taken from the front as Keras does; zeros inside are refused. */
  private static long[] labels(long[] row, int classes, int b) {
    int n = 0;
    for (long l : row) {
      if (l != 0) {
        n++;
      }
    }
    for (int i = 0; i < row.length; i++) {
      if (i < n && row[i] == 0) {
        throw new IllegalArgumentException("CTC: labels of sample " + b + " have padding (0) before label " + i
            + "; labels must come first, then zeros");
      }
      if (row[i] < 0 || row[i] >= classes) {
        throw new IllegalArgumentException("CTC: label " + row[i] + " of sample " + b + " is out of range [0, "
            + classes + ")");
      }
    }
    return Arrays.copyOf(row, n);
  }

  /** -log p(labels | logits) of one sample; writes d loss / d logits into {@code grad}. */
  private static double sample(double[][] logits, long[] labels, double[][] grad) {
    int time = logits.length;
    int classes = logits[0].length;
    double[][] logProbs = new double[time][classes];
    for (int t = 0; t < time; t++) {
      double lse = logSumExp(logits[t]);
      for (int c = 0; c < classes; c++) {
        logProbs[t][c] = logits[t][c] - lse;
      }
    }
    int states = 2 * labels.length + 1;
    int[] ext = new int[states]; // blank, l1, blank, l2, ..., blank
    for (int i = 0; i < labels.length; i++) {
      ext[2 * i + 1] = (int) labels[i];
    }
    double[][] alpha = new double[time][states];
    double[][] beta = new double[time][states];
    for (double[] row : alpha) {
      Arrays.fill(row, Double.NEGATIVE_INFINITY);
    }
    for (double[] row : beta) {
      Arrays.fill(row, Double.NEGATIVE_INFINITY);
    }
    alpha[0][0] = logProbs[0][ext[0]];
    if (states > 1) {
      alpha[0][1] = logProbs[0][ext[1]];
    }
    for (int t = 1; t < time; t++) {
      for (int s = 0; s < states; s++) {
        double a = alpha[t - 1][s];
        if (s > 0) {
          a = logAdd(a, alpha[t - 1][s - 1]);
        }
        if (s > 1 && ext[s] != 0 && ext[s] != ext[s - 2]) {
          a = logAdd(a, alpha[t - 1][s - 2]);
        }
        alpha[t][s] = a + logProbs[t][ext[s]];
      }
    }
    beta[time - 1][states - 1] = logProbs[time - 1][ext[states - 1]];
    if (states > 1) {
      beta[time - 1][states - 2] = logProbs[time - 1][ext[states - 2]];
    }
    for (int t = time - 2; t >= 0; t--) {
      for (int s = 0; s < states; s++) {
        double b = beta[t + 1][s];
        if (s < states - 1) {
          b = logAdd(b, beta[t + 1][s + 1]);
        }
        if (s < states - 2 && ext[s] != 0 && ext[s] != ext[s + 2]) {
          b = logAdd(b, beta[t + 1][s + 2]);
        }
        beta[t][s] = b + logProbs[t][ext[s]];
      }
    }
    double logP = states > 1 ? logAdd(alpha[time - 1][states - 1], alpha[time - 1][states - 2])
        : alpha[time - 1][0];
    for (int t = 0; t < time; t++) {
      double[] occupancy = new double[classes];
      Arrays.fill(occupancy, Double.NEGATIVE_INFINITY);
      for (int s = 0; s < states; s++) {
        occupancy[ext[s]] = logAdd(occupancy[ext[s]], alpha[t][s] + beta[t][s]);
      }
      for (int c = 0; c < classes; c++) {
        // alpha and beta both include step t's emission: divide it out once
        double occ = Double.isInfinite(logP) ? 0 : Math.exp(occupancy[c] - logP - logProbs[t][c]);
        grad[t][c] = Math.exp(logProbs[t][c]) - occ;
      }
    }
    return -logP;
  }

  private static double logAdd(double a, double b) {
    if (a == Double.NEGATIVE_INFINITY) {
      return b;
    }
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    double m = Math.max(a, b);
    return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
  }

  private static double logSumExp(double[] x) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      m = Math.max(m, v);
    }
    double s = 0;
    for (double v : x) {
      s += Math.exp(v - m);
    }
    return m + Math.log(s);
  }

  /**
   * Rebuilds a loss from its config (Keras's {@code CTC.from_config}).
   *
   * @param config the loss's config
   * @return the loss
   */
  public static CTC fromConfig(Config config) {
    return new CTC().withBaseConfig(config);
  }
}

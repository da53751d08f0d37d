package org.jeras.core.initializers;

import org.jeras.core.config.Config;
import org.jeras.core.config.PyNumber;
import org.jeras.core.random.RandomOps;
import org.jeras.core.tensor.DType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's {@code Orthogonal}: {@code gain} times the Q of a QR decomposition of a normal matrix
 * (its columns' signs fixed by R's diagonal), of shape {@code (prod(shape[:-1]), shape[-1])}
 * reshaped to the weight's shape; orthonormal columns, or rows when there are fewer rows.
 */
public final class Orthogonal extends RandomInitializer {
  private final Number gain;

  private Orthogonal(Number gain, Long seed) {
    super(seed);
    this.gain = gain;
  }

  /**
   * Keras's {@code Orthogonal(gain, seed)}.
   *
   * @param gain the factor of the orthogonal matrix
   * @param seed the seed, or null for a drawn one
   */
  public Orthogonal(double gain, Long seed) {
    this(PyNumber.of(gain), seed);
  }

  /** Keras's {@code Orthogonal()}: every argument at its default. */
  public Orthogonal() {
    this(1.0, null);
  }

  /**
   * Rebuilds a initializer from its config (Keras's {@code Orthogonal.from_config}).
   *
   * @param c the initializer's config
   * @return the initializer
   */
  public static Orthogonal fromConfig(Config c) {
    return new Orthogonal(c.getNumber("gain", PyNumber.of(1.0)), readSeed(c));
  }

  @Override
  public INDArray generate(long[] shape, DType dtype) {
    if (shape.length < 2) {
      throw new IllegalArgumentException("Orthogonal needs a shape of rank 2 or more, got rank " + shape.length);
    }
    long rows = 1;
    for (int i = 0; i < shape.length - 1; i++) {
      rows *= shape[i];
    }
    long cols = shape[shape.length - 1];
    int m = Math.toIntExact(Math.max(rows, cols));
    int n = Math.toIntExact(Math.min(rows, cols));
    double[] a = RandomOps.normal(new long[] {m, n}, DType.FLOAT64, 0.0, 1.0, draws()).data().asDouble();
    double[] q = orthonormalQ(a, m, n);
    INDArray out = Nd4j.create(q, new long[] {m, n}, DataType.DOUBLE);
    if (rows < cols) {
      out = out.transpose();
    }
    return out.mul(gain.doubleValue()).reshape('c', shape).castTo(dtype.nd4j());
  }

  /**
   * The reduced Q (m x n, row-major) of the Householder QR of {@code a}, each column multiplied by
   * the sign of R's matching diagonal entry (which makes the factorization unique).
   */
  static double[] orthonormalQ(double[] a, int m, int n) {
    double[][] v = new double[n][];
    double[] rDiag = new double[n];
    for (int k = 0; k < n; k++) {
      double norm = 0;
      for (int i = k; i < m; i++) {
        norm += a[i * n + k] * a[i * n + k];
      }
      norm = Math.sqrt(norm);
      double x0 = a[k * n + k];
      double alpha = x0 > 0 ? -norm : norm;
      double[] vk = new double[m - k];
      for (int i = k; i < m; i++) {
        vk[i - k] = a[i * n + k];
      }
      vk[0] -= alpha;
      double vNorm = 0;
      for (double x : vk) {
        vNorm += x * x;
      }
      vNorm = Math.sqrt(vNorm);
      if (vNorm > 0) {
        for (int i = 0; i < vk.length; i++) {
          vk[i] /= vNorm;
        }
        reflect(a, n, k, vk, k, n);
      }
      v[k] = vk;
      rDiag[k] = a[k * n + k];
    }
    double[] q = new double[m * n];
    for (int j = 0; j < n; j++) {
      q[j * n + j] = 1.0;
    }
    for (int k = n - 1; k >= 0; k--) {
      reflect(q, n, k, v[k], 0, n);
    }
    for (int j = 0; j < n; j++) {
      double s = Math.signum(rDiag[j]);
      for (int i = 0; i < m; i++) {
        q[i * n + j] *= s;
      }
    }
    return q;
  }

  /** Applies {@code I - 2 v v^T} to rows {@code k..} and columns {@code [c0, c1)} of {@code x}. */
  private static void reflect(double[] x, int n, int k, double[] v, int c0, int c1) {
    for (int j = c0; j < c1; j++) {
      double dot = 0;
      for (int i = 0; i < v.length; i++) {
        dot += v[i] * x[(k + i) * n + j];
      }
      dot *= 2;
      for (int i = 0; i < v.length; i++) {
        x[(k + i) * n + j] -= dot * v[i];
      }
    }
  }

  @Override
  public Config getConfig() {
    return seedConfig().put("gain", number(gain));
  }
}

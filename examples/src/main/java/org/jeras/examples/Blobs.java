package org.jeras.examples;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A generated classification task: {@code classes} Gaussian clusters in {@code features}
 * dimensions, centres drawn once from a fixed seed, one-hot labels.
 */
public record Blobs(INDArray x, INDArray y) {
  public static Blobs generate(int samples, int features, int classes, double spread, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] centres = new double[classes][features];
    for (double[] c : centres) {
      for (int j = 0; j < features; j++) {
        c[j] = r.nextDouble(-4, 4);
      }
    }
    float[][] x = new float[samples][features];
    float[][] y = new float[samples][classes];
    for (int i = 0; i < samples; i++) {
      int k = i % classes;
      for (int j = 0; j < features; j++) {
        x[i][j] = (float) (centres[k][j] + spread * gaussian(r));
      }
      y[i][k] = 1;
    }
    return new Blobs(Nd4j.create(x), Nd4j.create(y));
  }

  /** The first {@code n} rows and the rest. */
  public Blobs[] split(long n) {
    var head = NDArrayIndex.interval(0, n);
    var tail = NDArrayIndex.interval(n, x.size(0));
    return new Blobs[] {new Blobs(x.get(head).dup(), y.get(head).dup()), new Blobs(x.get(tail).dup(), y.get(tail).dup())};
  }

  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}

package org.jeras.layers.preprocessing;

import java.util.SplittableRandom;

/** Random draws the mixing augmentations share: permutations and Beta / Gamma variates. */
final class Draws {
  private Draws() {}

  /** A uniformly random permutation of {@code 0..n-1} (Fisher–Yates). */
  static int[] permutation(int n, SplittableRandom r) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** A Gamma(shape, 1) variate (Marsaglia–Tsang; shapes below 1 boosted by {@code U^(1/shape)}). */
  static double gamma(double shape, SplittableRandom r) {
    if (shape < 1) {
      return gamma(shape + 1, r) * Math.pow(r.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = r.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = r.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  /** A Beta(a, b) variate, as {@code X / (X + Y)} of Gamma variates; 0.5 where both underflow. */
  static double beta(double a, double b, SplittableRandom r) {
    double x = gamma(a, r);
    double y = gamma(b, r);
    return x + y == 0 ? 0.5 : x / (x + y);
  }
}

package org.jeras.core.random;

import static org.jeras.core.tensor.GradientTape.recordOp;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.jeras.core.ops.Broadcast;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's {@code keras.random} sampling functions. A null {@code seed} draws from
 * {@link Seeds#globalGenerator()}. Values follow Keras's distributions and parameters; they are
 * not Keras's exact numbers (no backend's generator can be reproduced bit for bit).
 */
public final class RandomOps {
  /** Keras's truncated normal redraws values outside this many standard deviations. */
  static final double TRUNCATION = 2.0;

  private RandomOps() {}

  /**
   * Uniform values in {@code [minval, maxval)}.
   *
   * @param shape the shape
   * @param dtype the dtype
   * @param minval the lower bound
   * @param maxval the upper bound
   * @param seed the seed
   * @return the values
   */
  public static INDArray uniform(long[] shape, DType dtype, double minval, double maxval, Seed seed) {
    double width = maxval - minval;
    return fill(shape, dtype, seed, r -> minval + width * r.nextDouble());
  }

  /**
   * Normal values with the given mean and standard deviation.
   *
   * @param shape the shape
   * @param dtype the dtype
   * @param mean the mean
   * @param stddev the standard deviation
   * @param seed the seed
   * @return the values
   */
  public static INDArray normal(long[] shape, DType dtype, double mean, double stddev, Seed seed) {
    return fill(shape, dtype, seed, r -> mean + stddev * r.nextGaussian());
  }

  /**
   * Normal values where draws more than two standard deviations from the mean are redrawn (so the
   * result's standard deviation is {@code 0.8796 * stddev}).
   *
   * @param shape the shape
   * @param dtype the dtype
   * @param mean the mean
   * @param stddev the standard deviation before truncation
   * @param seed the seed
   * @return the values
   */
  public static INDArray truncatedNormal(long[] shape, DType dtype, double mean, double stddev, Seed seed) {
    return fill(shape, dtype, seed, r -> {
      double z;
      do {
        z = r.nextGaussian();
      } while (z <= -TRUNCATION || z >= TRUNCATION);
      return mean + stddev * z;
    });
  }

  /**
   * Keras's {@code keras.random.dropout}: zeroes each entry with probability {@code rate} and
   * scales the kept ones by {@code 1 / (1 - rate)}; differentiable in {@code x}. A
   * {@code noiseShape} (null for x's shape; -1 entries take x's size) shares one draw along its
   * size-1 axes.
   *
   * @param x the input
   * @param rate the probability of zeroing an entry
   * @param noiseShape the shape of the kept/dropped pattern, broadcast to {@code x}, or null
   * @param seed the seed
   * @return the result
   */
  public static Tensor dropout(Tensor x, double rate, long[] noiseShape, Seed seed) {
    if (rate < 0 || rate >= 1) {
      throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
    }
    INDArray v = x.value();
    long[] shape = v.shape();
    long[] noise = noiseShape == null ? shape : noiseShape.clone();
    if (noise.length != shape.length) {
      throw new IllegalArgumentException("noise_shape " + Arrays.toString(noiseShape) + " does not match input rank "
          + shape.length);
    }
    for (int i = 0; i < noise.length; i++) {
      if (noise[i] == -1) {
        noise[i] = shape[i];
      }
    }
    double keep = 1.0 - rate;
    INDArray scale = fill(noise, DType.of(v.dataType()), seed, r -> r.nextDouble() < keep ? 1.0 / keep : 0.0);
    INDArray mask = Broadcast.to(scale, shape);
    return recordOp(v.mul(mask), g -> new INDArray[] {g.mul(mask)}, x);
  }

  private static INDArray fill(long[] shape, DType dtype, Seed seed, ToDoubleFunction<SplittableRandom> draw) {
    if (!dtype.isFloating()) {
      throw new IllegalArgumentException("Random values need a floating dtype, got " + dtype.kerasName());
    }
    SplittableRandom r = (seed == null ? Seeds.globalGenerator() : seed).nextStream();
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    int size = Math.toIntExact(n);
    INDArray out;
    if (dtype == DType.FLOAT64) {
      double[] data = new double[size];
      for (int i = 0; i < size; i++) {
        data[i] = draw.applyAsDouble(r);
      }
      out = Nd4j.createFromArray(data);
    } else {
      float[] data = new float[size];
      for (int i = 0; i < size; i++) {
        data[i] = (float) draw.applyAsDouble(r);
      }
      out = Nd4j.createFromArray(data);
      if (dtype != DType.FLOAT32) {
        out = out.castTo(dtype.nd4j());
      }
    }
    return out.reshape(shape);
  }
}

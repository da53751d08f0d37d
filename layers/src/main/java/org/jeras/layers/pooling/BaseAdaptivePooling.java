package org.jeras.layers.pooling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.InputSpec;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.convolutional.Spatial;

/**
 * Keras's BaseAdaptivePooling: max or mean over windows chosen so that each spatial axis of length
 * {@code L} becomes {@code output_size} long, whatever {@code L}. Output {@code i} of an axis pools
 * input positions {@code [floor(i*L/n), ceil((i+1)*L/n))}, so windows may overlap (and repeat
 * positions when {@code n > L}). Both reductions are separable, so the axes are pooled one after another.
 */
public abstract class BaseAdaptivePooling<L extends BaseAdaptivePooling<L>> extends Layer {
  private final int rank;
  private final boolean max;
  /** The output length of each spatial axis (Keras's {@code output_size}). */
  protected final int[] outputSize;
  /** Keras's {@code data_format}. */
  protected String dataFormat = Spatial.CHANNELS_LAST;

  /**
   * An adaptive pooling over {@code rank} spatial axes.
   *
   * @param rank the number of spatial axes
   * @param max whether to take the maximum rather than the mean
   * @param outputSize the output length of each spatial axis; one int stands for every axis
   */
  protected BaseAdaptivePooling(int rank, boolean max, int[] outputSize) {
    setInputSpec(InputSpec.ndim(rank + 2));
    this.rank = rank;
    this.max = max;
    int[] sizes = outputSize.clone();
    if (outputSize.length == 1) {
      sizes = new int[rank];
      Arrays.fill(sizes, outputSize[0]);
    }
    this.outputSize = Args.positive(className(), "output_size", sizes, rank);
  }

  /**
   * Sets the data format (Keras's {@code data_format}).
   *
   * @param f {@code "channels_last"} or {@code "channels_first"}
   * @return this layer
   */
  public L dataFormat(String f) {
    this.dataFormat = Spatial.dataFormat(f);
    return self();
  }

  /** {@return this layer, typed as its own class} */
  @SuppressWarnings("unchecked")
  protected final L self() {
    return (L) this;
  }

  /**
   * {@return the first input position pooled into output {@code i} of an axis}
   *
   * @param i the output position
   * @param length the input length
   * @param n the output length
   */
  static long windowStart(long i, long length, long n) {
    return Math.floorDiv(i * length, n);
  }

  /**
   * {@return the position after the last one pooled into output {@code i} of an axis}
   *
   * @param i the output position
   * @param length the input length
   * @param n the output length
   */
  static long windowEnd(long i, long length, long n) {
    return -Math.floorDiv(-(i + 1) * length, n);
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    int first = Spatial.CHANNELS_LAST.equals(dataFormat) ? 1 : 2;
    Tensor y = x;
    for (int d = 0; d < rank; d++) {
      y = poolAxis(y, first + d, outputSize[d]);
    }
    return y;
  }

  private Tensor poolAxis(Tensor x, int axis, int n) {
    long length = x.shape().get(axis);
    if (length <= 0) {
      throw new IllegalArgumentException("Layer '" + name() + "' (" + className()
          + ") needs known, non-empty spatial axes, got input shape " + x.shape());
    }
    List<Tensor> parts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Tensor window = ArrayOps.slice(x, axis, windowStart(i, length, n), windowEnd(i, length, n));
      parts.add(max ? ReduceOps.max(window, true, axis) : ReduceOps.mean(window, true, axis));
    }
    return parts.size() == 1 ? parts.get(0) : ArrayOps.concat(parts, axis);
  }

  /** Computed from the output size, so that the symbolic output needs no spatial lengths. */
  @Override
  public List<Tensor> computeOutputSpec(CallArgs args) {
    Tensor x = args.tensor(0);
    long[] d = x.shape().dims();
    int first = Spatial.CHANNELS_LAST.equals(dataFormat) ? 1 : 2;
    for (int i = 0; i < rank; i++) {
      d[first + i] = outputSize[i];
    }
    return List.of(Tensor.symbolic(Shape.of(d), computeDtype(), null));
  }

  @Override
  public Config getConfig() {
    return super.getConfig().putInts("output_size", outputSize).put("data_format", dataFormat);
  }

  /**
   * Reads the output size of {@code c} (one int or {@code rank} ints), as Keras's constructors do.
   *
   * @param c the layer's config
   * @param rank the number of spatial axes
   * @return the output size
   */
  protected static int[] readOutputSize(Config c, int rank) {
    return c.getInts("output_size", rank);
  }

  /**
   * Reads data_format and the base keys of {@code c}.
   *
   * @param c the layer's config
   * @return this layer
   */
  protected final L readAdaptive(Config c) {
    dataFormat(Spatial.dataFormat(c));
    return withBaseConfig(c);
  }
}

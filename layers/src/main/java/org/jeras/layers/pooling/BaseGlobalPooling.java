package org.jeras.layers.pooling;

import org.jeras.core.config.Config;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.InputSpec;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.convolutional.Spatial;

/** Keras's BaseGlobalPooling: max or mean over all spatial axes, optionally keeping them as size 1. */
public abstract class BaseGlobalPooling<L extends BaseGlobalPooling<L>> extends Layer {
  /** The number of spatial axes. */
  protected final int rank;
  private final boolean max;
  /** Keras's {@code data_format}. */
  protected String dataFormat = Spatial.CHANNELS_LAST;
  /** Whether the pooled axes are kept with size 1 (Keras's {@code keepdims}). */
  protected boolean keepdims;

  /**
   * A global pooling over {@code rank} spatial axes.
   *
   * @param rank the number of spatial axes
   * @param max whether to take the maximum rather than the mean
   */
  protected BaseGlobalPooling(int rank, boolean max) {
    buildAtInit();
    setInputSpec(InputSpec.ndim(rank + 2));
    this.rank = rank;
    this.max = max;
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

  /**
   * Sets whether the pooled axes are kept with size 1 (Keras's {@code keepdims}).
   *
   * @param k whether they are
   * @return this layer
   */
  public L keepdims(boolean k) {
    this.keepdims = k;
    return self();
  }

  /** {@return the spatial axes of a rank-(r+2) input in this layer's data format} */
  protected final int[] spatialAxes() {
    int[] axes = new int[rank];
    int first = Spatial.CHANNELS_LAST.equals(dataFormat) ? 1 : 2;
    for (int i = 0; i < rank; i++) {
      axes[i] = first + i;
    }
    return axes;
  }

  /** {@return this layer, typed as its own class} */
  @SuppressWarnings("unchecked")
  protected final L self() {
    return (L) this;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    return max ? ReduceOps.max(x, keepdims, spatialAxes()) : ReduceOps.mean(x, keepdims, spatialAxes());
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("data_format", dataFormat).put("keepdims", keepdims);
  }

  /**
   * Reads data_format, keepdims and the base keys of {@code c}.
   *
   * @param c the layer's config
   * @return this layer
   */
  protected final L readGlobal(Config c) {
    dataFormat(Spatial.dataFormat(c));
    keepdims(c.getBoolean("keepdims", false));
    return withBaseConfig(c);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    buildIfNeeded(inputShape);
    long[] d = inputShape.dims();
    int[] axes = spatialAxes();
    if (keepdims) {
      for (int a : axes) {
        d[a] = 1;
      }
      return Shape.of(d);
    }
    int channel = Spatial.channelAxis(d.length, dataFormat);
    return Shape.of(d[0], d[channel]);
  }
}

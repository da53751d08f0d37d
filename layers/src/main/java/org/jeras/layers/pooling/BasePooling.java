package org.jeras.layers.pooling;

import java.util.Collections;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.InputSpec;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.PoolOps;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.convolutional.Spatial;

/**
 * Keras's BasePooling: max or average over windows of {@code pool_size} moved by {@code strides}
 * (default: the pool size), with {@code "valid"} or {@code "same"} padding. Padded positions never
 * count: the average divides by the number of real elements in each window.
 */
public abstract class BasePooling<L extends BasePooling<L>> extends Layer {
  private final int rank;
  private final boolean max;
  /** The window size of each spatial axis (Keras's {@code pool_size}). */
  protected final int[] poolSize;
  /** The stride of each spatial axis, or null for the pool size. */
  protected int[] strides;
  /** Keras's {@code padding}: {@code "valid"} or {@code "same"}. */
  protected String padding = "valid";
  /** Keras's {@code data_format}. */
  protected String dataFormat = Spatial.CHANNELS_LAST;

  /**
   * A pooling over {@code rank} spatial axes.
   *
   * @param rank the number of spatial axes
   * @param max whether to take the maximum rather than the mean
   * @param poolSize the window size of each spatial axis
   */
  protected BasePooling(int rank, boolean max, int[] poolSize) {
    buildAtInit();
    setInputSpec(InputSpec.ndim(rank + 2));
    this.rank = rank;
    this.max = max;
    this.poolSize = positive("pool_size", poolSize);
    this.strides = this.poolSize.clone();
  }

  private int[] positive(String key, int[] v) {
    int[] out = v.length == 1 && rank > 1 ? Collections.nCopies(rank, v[0]).stream()
        .mapToInt(Integer::intValue).toArray() : v.clone();
    return Args.positive(className(), key, out, rank);
  }

  /**
   * Sets the strides (null: the pool size, as Keras).
   *
   * @param s the stride of each spatial axis
   * @return this layer
   */
  public L strides(int... s) {
    this.strides = s == null ? poolSize.clone() : positive("strides", s);
    return self();
  }

  /**
   * Sets the padding (Keras's {@code padding}).
   *
   * @param p {@code "valid"} or {@code "same"}
   * @return this layer
   */
  public L padding(String p) {
    this.padding = Spatial.padding(p, "valid", "same");
    return self();
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

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    Tensor in = Spatial.toChannelsLast(x, dataFormat);
    int[][] pads = Spatial.pads(padding, in.value().shape(), poolSize, strides, Spatial.ones(rank));
    Tensor y = max ? PoolOps.maxPool(in, poolSize, strides, pads) : PoolOps.avgPool(in, poolSize, strides, pads);
    return Spatial.fromChannelsLast(y, dataFormat);
  }

  /** Computed from the geometry, so that inputs with unknown (or small) spatial sizes work symbolically. */
  @Override
  public List<Tensor> computeOutputSpec(CallArgs args) {
    return List.of(Spatial.outputSpec(args.tensor(0), dataFormat, computeDtype(),
        (d, in) -> "valid".equals(padding) ? Math.floorDiv(in - poolSize[d], strides[d]) + 1
            : (in + strides[d] - 1) / strides[d], -1));
  }

  @Override
  public Config getConfig() {
    return super.getConfig()
        .putInts("pool_size", poolSize)
        .put("padding", padding)
        .putInts("strides", strides)
        .put("data_format", dataFormat);
  }

  /**
   * Reads strides, padding, data_format and the base keys of {@code c}.
   *
   * @param c the layer's config
   * @return this layer
   */
  protected final L readPooling(Config c) {
    strides(c.isSet("strides") ? c.getInts("strides", rank) : null);
    padding(c.getString("padding", "valid"));
    dataFormat(Spatial.dataFormat(c));
    return withBaseConfig(c);
  }
}

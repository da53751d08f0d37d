package org.jeras.layers.pooling;

import org.jeras.core.layer.InputSpec;
import org.jeras.core.config.Config;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.convolutional.Spatial;

/** Keras's BaseGlobalPooling: max or mean over all spatial axes, optionally keeping them as size 1. */
public abstract class BaseGlobalPooling<L extends BaseGlobalPooling<L>> extends Layer {
  protected final int rank;
  private final boolean max;
  protected String dataFormat = Spatial.CHANNELS_LAST;
  protected boolean keepdims;

  protected BaseGlobalPooling(int rank, boolean max) {
    buildAtInit();
    setInputSpec(InputSpec.ndim(rank + 2));
    this.rank = rank;
    this.max = max;
  }

  public L dataFormat(String f) {
    this.dataFormat = Spatial.dataFormat(f);
    return self();
  }

  public L keepdims(boolean k) {
    this.keepdims = k;
    return self();
  }

  /** The spatial axes of a rank-(r+2) input in this layer's data format. */
  protected final int[] spatialAxes() {
    int[] axes = new int[rank];
    int first = Spatial.CHANNELS_LAST.equals(dataFormat) ? 1 : 2;
    for (int i = 0; i < rank; i++) {
      axes[i] = first + i;
    }
    return axes;
  }

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

  protected final L readGlobal(Config c) {
    dataFormat(Spatial.dataFormat(c));
    keepdims(c.getBoolean("keepdims", false));
    return withBaseConfig(c);
  }
}

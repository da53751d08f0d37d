package org.jeras.layers.reshaping;

import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.InputSpec;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.convolutional.Spatial;

/** Keras's ZeroPadding1D/2D/3D: adds {@code {before, after}} zeros to each spatial axis. */
public abstract class BaseZeroPadding extends Layer {
  /** The {@code {before, after}} zeros of each spatial axis. */
  protected final int[][] padding;
  /** Keras's {@code data_format}. */
  protected final String dataFormat;

  /**
   * A zero-padding layer.
   *
   * @param padding the {@code {before, after}} zeros of each spatial axis
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  protected BaseZeroPadding(int[][] padding, String dataFormat) {
    this.padding = Args.nonNegativePairs(className(), "padding", padding);
    this.dataFormat = Spatial.dataFormat(dataFormat);
    setInputSpec(InputSpec.ndim(padding.length + 2));
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    long[][] pads = new long[x.rank()][2];
    int first = Spatial.CHANNELS_LAST.equals(dataFormat) ? 1 : 2;
    for (int d = 0; d < padding.length; d++) {
      pads[first + d][0] = padding[d][0];
      pads[first + d][1] = padding[d][1];
    }
    return ArrayOps.pad(x, pads, 0.0);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("padding", Spatial.pairsJson(padding)).put("data_format", dataFormat);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    buildIfNeeded(inputShape);
    long[] d = inputShape.dims();
    int first = Spatial.CHANNELS_LAST.equals(dataFormat) ? 1 : 2;
    for (int i = 0; i < padding.length; i++) {
      if (d[first + i] >= 0) {
        d[first + i] += padding[i][0] + padding[i][1];
      }
    }
    return Shape.of(d);
  }
}

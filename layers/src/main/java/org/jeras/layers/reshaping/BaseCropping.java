package org.jeras.layers.reshaping;

import org.jeras.core.layer.InputSpec;
import java.util.Arrays;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.convolutional.Spatial;

/** Keras's Cropping1D/2D/3D: removes {@code {before, after}} entries from each spatial axis. */
public abstract class BaseCropping extends Layer {
  /** The {@code {before, after}} cropping of each spatial axis. */
  protected final int[][] cropping;
  /** Keras's {@code data_format}. */
  protected final String dataFormat;

  /**
   * A cropping layer.
   *
   * @param cropping the {@code {before, after}} cropping of each spatial axis
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  protected BaseCropping(int[][] cropping, String dataFormat) {
    this.cropping = Args.nonNegativePairs(className(), "cropping", cropping);
    this.dataFormat = Spatial.dataFormat(dataFormat);
    setInputSpec(InputSpec.ndim(cropping.length + 2));
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    Tensor y = x;
    int first = Spatial.CHANNELS_LAST.equals(dataFormat) ? 1 : 2;
    for (int d = 0; d < cropping.length; d++) {
      long size = y.shape().get(first + d);
      if (cropping[d][0] + cropping[d][1] >= size) {
        throw new IllegalArgumentException(className() + " '" + name() + "': cropping "
            + Arrays.toString(cropping[d]) + " leaves nothing of axis " + (first + d) + " (size " + size + ")");
      }
      y = ArrayOps.slice(y, first + d, cropping[d][0], size - cropping[d][1]);
    }
    return y;
  }

  @Override
  public List<Tensor> computeOutputSpec(CallArgs args) {
    return List.of(Spatial.outputSpec(args.tensor(0), dataFormat, computeDtype(),
        (d, in) -> in - cropping[d][0] - cropping[d][1], -1));
  }

  @Override
  public Config getConfig() {
    Config c = super.getConfig().put("cropping", Spatial.pairsJson(cropping));
    // Keras's Cropping1D has no data_format.
    return cropping.length == 1 ? c : c.put("data_format", dataFormat);
  }
}

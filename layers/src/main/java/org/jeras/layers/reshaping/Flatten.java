package org.jeras.layers.reshaping;

import org.jeras.core.layer.InputSpec;
import org.jeras.core.config.Config;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.tensor.Tensor;

/** Flattens every axis but the batch axis (Keras's {@code Flatten}). */
public class Flatten extends Layer {
  private final String dataFormat;

  /** Keras's {@code Flatten()}: every argument at its default. */
  public Flatten() {
    this("channels_last");
  }

  /**
   * Keras's {@code Flatten(data_format)}.
   *
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"} (then channels are moved last
   *     before flattening)
   */
  public Flatten(String dataFormat) {
    this.dataFormat = dataFormat;
    setInputSpec(InputSpec.minNdim(1));
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    Tensor in = x;
    if ("channels_first".equals(dataFormat) && x.rank() > 2) {
      // Keras flattens channels_first inputs in channels_last order.
      int[] perm = new int[x.rank()];
      perm[0] = 0;
      for (int i = 1; i < x.rank() - 1; i++) {
        perm[i] = i + 1;
      }
      perm[x.rank() - 1] = 1;
      in = ArrayOps.transpose(x, perm);
    }
    long batch = in.shape().get(0);
    return ArrayOps.reshape(in, batch, in.value().length() / Math.max(batch, 1));
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("data_format", dataFormat);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Flatten.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Flatten fromConfig(Config c) {
    return new Flatten(c.getString("data_format", "channels_last")).withBaseConfig(c);
  }
}

package org.jeras.layers.rnn;

import org.jeras.core.config.Config;

/** Keras's {@code ConvLSTM3D}: a {@link ConvLSTM} over sequences of 3-d inputs. */
public class ConvLSTM3D extends ConvLSTM<ConvLSTM3D> {
  /**
   * Keras's {@code ConvLSTM3D(filters, kernel_size)}; other arguments through the setters.
   *
   * @param filters the output channels
   * @param kernelSize the window size of each spatial axis (one value for all)
   */
  public ConvLSTM3D(int filters, int... kernelSize) {
    super(3, filters, kernelSize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code ConvLSTM3D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static ConvLSTM3D fromConfig(Config c) {
    return readConvConfig(new ConvLSTM3D(c.getInt("filters"), kernelSize(c, 3)), c);
  }
}

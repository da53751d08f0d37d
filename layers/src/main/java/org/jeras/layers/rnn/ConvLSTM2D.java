package org.jeras.layers.rnn;

import org.jeras.core.config.Config;

/** Keras's {@code ConvLSTM2D}: a {@link ConvLSTM} over sequences of 2-d inputs. */
public class ConvLSTM2D extends ConvLSTM<ConvLSTM2D> {
  /**
   * Keras's {@code ConvLSTM2D(filters, kernel_size)}; other arguments through the setters.
   *
   * @param filters the output channels
   * @param kernelSize the window size of each spatial axis (one value for all)
   */
  public ConvLSTM2D(int filters, int... kernelSize) {
    super(2, filters, kernelSize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code ConvLSTM2D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static ConvLSTM2D fromConfig(Config c) {
    return readConvConfig(new ConvLSTM2D(c.getInt("filters"), kernelSize(c, 2)), c);
  }
}

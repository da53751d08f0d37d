package org.jeras.layers.rnn;

import org.jeras.core.config.Config;

/** Keras's {@code ConvLSTM1D}: a {@link ConvLSTM} over sequences of 1-d inputs. */
public class ConvLSTM1D extends ConvLSTM<ConvLSTM1D> {
  /**
   * Keras's {@code ConvLSTM1D(filters, kernel_size)}; other arguments through the setters.
   *
   * @param filters the output channels
   * @param kernelSize the window size of each spatial axis (one value for all)
   */
  public ConvLSTM1D(int filters, int... kernelSize) {
    super(1, filters, kernelSize);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code ConvLSTM1D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static ConvLSTM1D fromConfig(Config c) {
    return readConvConfig(new ConvLSTM1D(c.getInt("filters"), kernelSize(c, 1)), c);
  }
}

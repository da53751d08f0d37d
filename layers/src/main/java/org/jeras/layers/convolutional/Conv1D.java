package org.jeras.layers.convolutional;

import org.jeras.core.config.Config;

/** Keras's {@code Conv1D}: kernel {@code [k, in/groups, filters]}; also accepts {@code "causal"} padding. */
public class Conv1D extends BaseConv<Conv1D> {
  /**
   * Keras's {@code Conv1D(filters, kernel_size)}; other arguments through the setters.
   *
   * @param filters the number of output channels
   * @param kernelSize the window size
   */
  public Conv1D(int filters, int kernelSize) {
    super(1, filters, kernelSize);
  }

  @Override
  protected String[] allowedPaddings() {
    return new String[] {"valid", "same", "causal"};
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Conv1D.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Conv1D fromConfig(Config c) {
    return new Conv1D(c.getInt("filters"), Spatial.tuple(c, "kernel_size", 1)[0]).readConv(c);
  }
}

package org.jeras.layers.rnn;

import org.jeras.core.layer.InputSpec;
import org.jeras.core.config.Config;

/** Keras's {@code SimpleRNN}: an {@link RNN} over a {@link SimpleRNNCell}. */
public class SimpleRNN extends RNN {
  /**
   * Keras's {@code SimpleRNN(units)}; other arguments through the setters.
   *
   * @param units the output size
   */
  public SimpleRNN(int units) {
    // Keras gives the wrapped cell this fixed name (the vars group's name attribute in the file).
    super(new SimpleRNNCell(units), true);
    setInputSpec(InputSpec.ndim(3));
    cell.setName("simple_rnn_cell");
  }

  @Override
  public SimpleRNNCell cell() {
    return (SimpleRNNCell) cell;
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code SimpleRNN.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static SimpleRNN fromConfig(Config c) {
    return readConfig(new SimpleRNN(c.getInt("units")), c);
  }
}

package org.jeras.layers.rnn;

import org.jeras.core.layer.InputSpec;
import org.jeras.core.config.Config;

/** Keras's {@code SimpleRNN}: an {@link RNN} over a {@link SimpleRNNCell}. */
public class SimpleRNN extends RNN {
  public SimpleRNN(int units) {
    // Keras gives the wrapped cell this fixed name (the vars group's name attribute in the file).
    super(new SimpleRNNCell(units), true);
    setInputSpec(InputSpec.ndim(3));
    cell.setName("simple_rnn_cell");
  }

  public static SimpleRNN fromConfig(Config c) {
    return readConfig(new SimpleRNN(c.getInt("units")), c);
  }
}

package org.jeras.layers.rnn;

import org.jeras.core.config.Config;

/** Keras's {@code SimpleRNN}: an {@link RNN} over a {@link SimpleRNNCell}. */
public class SimpleRNN extends RNN {
  public SimpleRNN(int units) {
    super(new SimpleRNNCell(units));
  }

  public static SimpleRNN fromConfig(Config c) {
    return readConfig(new SimpleRNN(c.getInt("units")), c);
  }
}

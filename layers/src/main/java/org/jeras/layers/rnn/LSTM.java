package org.jeras.layers.rnn;

import org.jeras.core.config.Config;

/** Keras's {@code LSTM}: an {@link RNN} over an {@link LSTMCell}; states h and c. */
public class LSTM extends RNN {
  public LSTM(int units) {
    super(new LSTMCell(units));
  }

  @Override
  public LSTMCell cell() {
    return (LSTMCell) cell;
  }

  /** Sets {@code unit_forget_bias} (forget-gate bias starts at one); returns this layer. */
  public LSTM unitForgetBias(boolean v) {
    cell().setUnitForgetBias(v);
    return this;
  }

  public static LSTM fromConfig(Config c) {
    return readConfig(new LSTM(c.getInt("units")), c);
  }
}

package org.jeras.layers.rnn;

import org.jeras.core.layer.InputSpec;
import org.jeras.core.config.Config;

/** Keras's {@code LSTM}: an {@link RNN} over an {@link LSTMCell}; states h and c. */
public class LSTM extends RNN {
  /**
   * Keras's {@code LSTM(units)}; other arguments through the setters.
   *
   * @param units the output size
   */
  public LSTM(int units) {
    // Keras gives the wrapped cell this fixed name (the vars group's name attribute in the file).
    super(new LSTMCell(units), true);
    setInputSpec(InputSpec.ndim(3));
    cell.setName("lstm_cell");
  }

  @Override
  public LSTMCell cell() {
    return (LSTMCell) cell;
  }

  /**
   * Sets {@code unit_forget_bias} (forget-gate bias starts at one); returns this layer.
   *
   * @param v whether the forget-gate bias starts at one
   * @return this layer
   */
  public LSTM unitForgetBias(boolean v) {
    cell().setUnitForgetBias(v);
    return this;
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code LSTM.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static LSTM fromConfig(Config c) {
    return readConfig(new LSTM(c.getInt("units")), c);
  }
}

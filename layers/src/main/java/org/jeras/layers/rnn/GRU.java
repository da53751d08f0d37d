package org.jeras.layers.rnn;

import org.jeras.core.layer.InputSpec;
import org.jeras.core.config.Config;

/** Keras's {@code GRU}: an {@link RNN} over a {@link GRUCell} ({@code reset_after} defaults to true). */
public class GRU extends RNN {
  public GRU(int units) {
    // Keras gives the wrapped cell this fixed name (the vars group's name attribute in the file).
    super(new GRUCell(units), true);
    setInputSpec(InputSpec.ndim(3));
    cell.setName("gru_cell");
  }

  @Override
  public GRUCell cell() {
    return (GRUCell) cell;
  }

  /** Sets {@code reset_after}; returns this layer. */
  public GRU resetAfter(boolean v) {
    cell().setResetAfter(v);
    return this;
  }

  public static GRU fromConfig(Config c) {
    return readConfig(new GRU(c.getInt("units")), c);
  }
}

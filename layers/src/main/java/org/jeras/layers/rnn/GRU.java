package org.jeras.layers.rnn;

import org.jeras.core.layer.InputSpec;
import org.jeras.core.config.Config;

/** Keras's {@code GRU}: an {@link RNN} over a {@link GRUCell} ({@code reset_after} defaults to true). */
public class GRU extends RNN {
  /**
   * Keras's {@code GRU(units)}; other arguments through the setters.
   *
   * @param units the output size
   */
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

  /**
   * Sets {@code reset_after}; returns this layer.
   *
   * @param v whether the reset gate applies after the recurrent projection
   * @return this layer
   */
  public GRU resetAfter(boolean v) {
    cell().setResetAfter(v);
    return this;
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code GRU.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static GRU fromConfig(Config c) {
    return readConfig(new GRU(c.getInt("units")), c);
  }
}

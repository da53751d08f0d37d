package org.jeras.layers.rnn;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/** Keras's {@code SimpleRNNCell}: {@code h = activation(x @ kernel + bias + h_prev @ recurrent_kernel)}. */
public class SimpleRNNCell extends RnnCell {
  /**
   * Keras's {@code SimpleRNNCell(units)}.
   *
   * @param units the output size
   */
  public SimpleRNNCell(int units) {
    super(units);
  }

  @Override
  protected int gates() {
    return 1;
  }

  @Override
  protected boolean hasRecurrentActivation() {
    return false;
  }

  @Override
  protected boolean hasSeed() {
    // SimpleRNN's layer config has no seed key (its cell has one).
    return false;
  }

  @Override
  protected List<Tensor> step(Tensor xProj, List<Tensor> states, List<Tensor> recurrentMasks) {
    Tensor h = activation.apply(MathOps.add(xProj, recurrent(states.get(0), recurrentMasks, 0, 1)));
    return List.of(h, h);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code SimpleRNNCell.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static SimpleRNNCell fromConfig(Config c) {
    SimpleRNNCell cell = new SimpleRNNCell(c.getInt("units"));
    cell.readLayerConfig(c);
    return cell.withBaseConfig(c);
  }
}

package org.jeras.layers.rnn;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.LinalgOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code GRUCell}, gate blocks in the order update (z), reset (r), candidate (h):
 * {@code h = z * h_prev + (1 - z) * act(x_h + rec_h)}. With {@code reset_after} (the default) the
 * bias is {@code [2, 3*units]} (input row, recurrent row) and {@code rec_h = r * (h_prev @ U_h + b_h)};
 * otherwise the bias is {@code [3*units]} and {@code rec_h = (r * h_prev) @ U_h}.
 */
public class GRUCell extends RnnCell {
  private boolean resetAfter = true;

  /**
   * Keras's {@code GRUCell(units)}.
   *
   * @param units the output size
   */
  public GRUCell(int units) {
    super(units);
  }

  @Override
  protected int gates() {
    return 3;
  }

  @Override
  protected long[] biasShape() {
    return resetAfter ? new long[] {2, 3L * units} : new long[] {3L * units};
  }

  @Override
  protected Tensor inputBias() {
    return resetAfter ? ArrayOps.take(bias.read(), 0, 0) : bias.read();
  }

  /** {@return whether the reset gate applies after the recurrent projection (Keras's {@code reset_after})} */
  public boolean resetAfter() {
    return resetAfter;
  }

  void setResetAfter(boolean resetAfter) {
    this.resetAfter = resetAfter;
  }

  @Override
  protected List<Tensor> step(Tensor xProj, List<Tensor> states, List<Tensor> recurrentMasks) {
    Tensor hPrev = states.get(0);
    Tensor z;
    Tensor r;
    Tensor recH;
    if (resetAfter) {
      Tensor inner = recurrent(hPrev, recurrentMasks, 0, 3);
      if (useBias) {
        inner = MathOps.add(inner, ArrayOps.take(bias.read(), 0, 1));
      }
      z = recurrentActivation.apply(MathOps.add(block(xProj, 0), block(inner, 0)));
      r = recurrentActivation.apply(MathOps.add(block(xProj, 1), block(inner, 1)));
      recH = MathOps.mul(r, block(inner, 2));
    } else {
      Tensor inner = recurrent(hPrev, recurrentMasks, 0, 2);
      z = recurrentActivation.apply(MathOps.add(block(xProj, 0), block(inner, 0)));
      r = recurrentActivation.apply(MathOps.add(block(xProj, 1), block(inner, 1)));
      Tensor hh = recurrentMasks == null ? hPrev : MathOps.mul(hPrev, recurrentMasks.get(2));
      Tensor uh = ArrayOps.slice(recurrentKernel.read(), 1, 2L * units, 3L * units);
      recH = LinalgOps.matmul(MathOps.mul(r, hh), uh);
    }
    Tensor candidate = activation.apply(MathOps.add(block(xProj, 2), recH));
    Tensor h = MathOps.add(MathOps.mul(z, hPrev), MathOps.mul(MathOps.rsub(1.0, z), candidate));
    return List.of(h, h);
  }

  @Override
  protected void putAfterDropout(Config c) {
    c.put("reset_after", resetAfter);
  }

  @Override
  protected void readExtras(Config c) {
    resetAfter = c.getBoolean("reset_after", true);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code GRUCell.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static GRUCell fromConfig(Config c) {
    GRUCell cell = new GRUCell(c.getInt("units"));
    cell.readLayerConfig(c);
    return cell.withBaseConfig(c);
  }
}

package org.jeras.layers.rnn;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.initializers.Initializers;
import org.jeras.core.ops.LinalgOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;

/**
 * A user-written cell, as Keras's guide writes one: {@code h = tanh(x @ kernel + h_prev @ recurrent_kernel)}
 * with two states of which the second counts the steps. Registered as {@code tests>MinimalCell}.
 */
public class MinimalCell extends RecurrentCell {
  private final int units;
  private Variable kernel;
  private Variable recurrentKernel;

  /**
   * A cell of {@code units} outputs.
   *
   * @param units the output size
   */
  public MinimalCell(int units) {
    this.units = units;
  }

  @Override
  public int stateCount() {
    return 2;
  }

  @Override
  public long[] stateShape(int i) {
    return i == 0 ? new long[] {units} : new long[] {1};
  }

  @Override
  public String module() {
    return "tests";
  }

  @Override
  public String registeredName() {
    return "tests>MinimalCell";
  }

  @Override
  protected void build(Shape stepInputShape) {
    kernel = addWeight("kernel", new long[] {stepInputShape.get(-1), units}, Initializers.get("glorot_uniform"));
    recurrentKernel = addWeight("recurrent_kernel", new long[] {units, units}, Initializers.get("orthogonal"));
  }

  @Override
  protected List<Tensor> step(Tensor x, List<Tensor> states, List<Tensor> recurrentMasks) {
    Tensor h = NnOps.tanh(MathOps.add(LinalgOps.matmul(x, kernel.read()),
        LinalgOps.matmul(states.get(0), recurrentKernel.read())));
    Tensor count = MathOps.add(states.get(1), MathOps.fullLike(states.get(1), 1.0));
    return List.of(h, h, count);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("units", units);
  }

  /**
   * Rebuilds the cell from its config.
   *
   * @param c the config
   * @return the cell
   */
  public static MinimalCell fromConfig(Config c) {
    return new MinimalCell(c.getInt("units")).withBaseConfig(c);
  }
}

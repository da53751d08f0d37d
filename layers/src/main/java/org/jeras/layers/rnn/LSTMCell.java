package org.jeras.layers.rnn;

import java.util.List;
import org.jeras.core.activations.Activations;
import org.jeras.core.config.Config;
import org.jeras.core.initializers.Initializer;
import org.jeras.core.ops.RnnOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Keras's {@code LSTMCell}, gate blocks in the order input, forget, cell, output:
 * {@code z = x @ kernel + h @ recurrent_kernel + bias}, {@code c = f * c_prev + i * act(z_c)},
 * {@code h = o * act(c)}, with {@code f, i, o} through the recurrent activation. States: h, c.
 */
public class LSTMCell extends RnnCell {
  private boolean unitForgetBias = true;

  /**
   * Keras's {@code LSTMCell(units)}.
   *
   * @param units the output size
   */
  public LSTMCell(int units) {
    super(units);
  }

  @Override
  protected int gates() {
    return 4;
  }

  @Override
  public int stateCount() {
    return 2;
  }

  @Override
  protected void initBias(Variable b) {
    if (unitForgetBias) {
      // Keras initializes the forget block with ones and the others with bias_initializer.
      INDArray v = b.array().dup();
      Initializer biasInitializer = weightSpecs().get("bias").initializer();
      INDArray rest = biasInitializer.generate(new long[] {units}, variableDtype());
      INDArray tail = biasInitializer.generate(new long[] {2L * units}, variableDtype());
      v.get(NDArrayIndex.interval(0, units)).assign(rest);
      v.get(NDArrayIndex.interval(units, 2L * units)).assign(1.0);
      v.get(NDArrayIndex.interval(2L * units, 4L * units)).assign(tail);
      b.assign(v);
    }
  }

  /** {@return whether the forget-gate bias starts at one (Keras's {@code unit_forget_bias})} */
  public boolean unitForgetBias() {
    return unitForgetBias;
  }

  void setUnitForgetBias(boolean unitForgetBias) {
    this.unitForgetBias = unitForgetBias;
  }

  @Override
  protected List<Tensor> step(Tensor xProj, List<Tensor> states, List<Tensor> recurrentMasks) {
    Tensor z = MathOps.add(xProj, recurrent(states.get(0), recurrentMasks, 0, 4));
    Tensor i = recurrentActivation.apply(block(z, 0));
    Tensor f = recurrentActivation.apply(block(z, 1));
    Tensor g = activation.apply(block(z, 2));
    Tensor o = recurrentActivation.apply(block(z, 3));
    Tensor c = MathOps.add(MathOps.mul(f, states.get(1)), MathOps.mul(i, g));
    Tensor h = MathOps.mul(o, activation.apply(c));
    return List.of(h, h, c);
  }

  /** ND4J's lstmLayer computes exactly this cell when the gates are sigmoid and the cell tanh. */
  @Override
  protected List<Tensor> fusedSequence(Tensor x, List<Tensor> states) {
    if (!"tanh".equals(Activations.nameOf(activation)) || !"sigmoid".equals(Activations.nameOf(recurrentActivation))) {
      return null;
    }
    List<Tensor> r = RnnOps.lstm(x, kernel.read(), recurrentKernel.read(), useBias ? bias.read() : null,
        states.get(0), states.get(1));
    return List.of(r.get(0), r.get(1), r.get(2));
  }

  @Override
  protected void putGateOptions(Config c) {
    c.put("unit_forget_bias", unitForgetBias);
  }

  @Override
  protected void readExtras(Config c) {
    unitForgetBias = c.getBoolean("unit_forget_bias", true);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code LSTMCell.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static LSTMCell fromConfig(Config c) {
    LSTMCell cell = new LSTMCell(c.getInt("units"));
    cell.readLayerConfig(c);
    return cell.withBaseConfig(c);
  }
}

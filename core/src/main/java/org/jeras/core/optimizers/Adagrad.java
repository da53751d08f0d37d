package org.jeras.core.optimizers;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Adagrad: {@code acc += g^2} (from {@code initial_accumulator_value}), {@code w -= lr g / sqrt(acc + eps)}. */
public class Adagrad extends Optimizer {
  private final double initialAccumulatorValue;
  private final double epsilon;
  private List<Variable> accumulators;

  /**
   * Keras's {@code Adagrad}.
   *
   * @param options the arguments every optimizer takes
   * @param initialAccumulatorValue the starting value of the accumulators
   * @param epsilon the small constant for numerical stability
   */
  public Adagrad(OptimizerOptions options, double initialAccumulatorValue, double epsilon) {
    super(options);
    this.initialAccumulatorValue = initialAccumulatorValue;
    this.epsilon = epsilon;
  }

  /**
   * Adagrad with Keras's defaults and the given learning rate.
   *
   * @param learningRate the constant learning rate
   */
  public Adagrad(double learningRate) {
    this(OptimizerOptions.of(learningRate), 0.1, 1e-7);
  }

  /** Adagrad with Keras's defaults. */
  public Adagrad() {
    this(0.001);
  }

  @Override
  protected void createSlots(List<Variable> vars) {
    accumulators = addSlots(vars, new String[] {"accumulator"}, new double[] {initialAccumulatorValue}).get(0);
  }

  @Override
  protected void updateStep(int index, INDArray g, INDArray w, float lr) {
    INDArray acc = accumulators.get(index).array();
    acc.addi(g.mul(g));
    w.subi(g.mul(lr).divi(Transforms.sqrt(acc.add(epsilon), false)));
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("initial_accumulator_value", initialAccumulatorValue).put("epsilon", epsilon);
  }

  /**
   * Keras's {@code from_config}.
   *
   * @param c the optimizer's config
   * @return the optimizer
   */
  public static Adagrad fromConfig(Config c) {
    OptimizerOptions o = OptimizerOptions.fromConfig(c, 0.001);
    return new Adagrad(o, c.getDouble("initial_accumulator_value", 0.1), c.getDouble("epsilon", 1e-7));
  }
}

package org.jeras.core.optimizers;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adadelta: {@code Eg = rho Eg + (1 - rho) g^2}, {@code d = -sqrt(Ed + eps) / sqrt(Eg + eps) g},
 * {@code Ed = rho Ed + (1 - rho) d^2}, {@code w += lr d}.
 */
public class Adadelta extends Optimizer {
  private final double rho;
  private final double epsilon;
  private List<Variable> accumulatedGrads;
  private List<Variable> accumulatedDeltaVars;

  /**
   * Keras's {@code Adadelta}.
   *
   * @param options the arguments every optimizer takes
   * @param rho the decay rate of the accumulated squares
   * @param epsilon the small constant for numerical stability
   */
  public Adadelta(OptimizerOptions options, double rho, double epsilon) {
    super(options);
    this.rho = rho;
    this.epsilon = epsilon;
  }

  /**
   * Adadelta with Keras's defaults and the given learning rate.
   *
   * @param learningRate the constant learning rate
   */
  public Adadelta(double learningRate) {
    this(OptimizerOptions.of(learningRate), 0.95, 1e-7);
  }

  /** Adadelta with Keras's defaults. */
  public Adadelta() {
    this(0.001);
  }

  @Override
  protected void createSlots(List<Variable> vars) {
    List<List<Variable>> s = addSlots(vars, new String[] {"accumulated_grad", "accumulated_delta_var"},
        new double[] {0, 0});
    accumulatedGrads = s.get(0);
    accumulatedDeltaVars = s.get(1);
  }

  @Override
  protected void updateStep(int index, INDArray g, INDArray w, float lr) {
    INDArray eg = accumulatedGrads.get(index).array();
    INDArray ed = accumulatedDeltaVars.get(index).array();
    eg.muli(rho).addi(g.mul(g).muli(1 - rho));
    INDArray delta = Transforms.sqrt(ed.add(epsilon), false).muli(g)
        .divi(Transforms.sqrt(eg.add(epsilon), false)).negi();
    ed.muli(rho).addi(delta.mul(delta).muli(1 - rho));
    w.addi(delta.muli(lr));
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("rho", rho).put("epsilon", epsilon);
  }

  /**
   * Keras's {@code from_config}.
   *
   * @param c the optimizer's config
   * @return the optimizer
   */
  public static Adadelta fromConfig(Config c) {
    OptimizerOptions o = OptimizerOptions.fromConfig(c, 0.001);
    return new Adadelta(o, c.getDouble("rho", 0.95), c.getDouble("epsilon", 1e-7));
  }
}

package org.jeras.core.optimizers;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * RMSprop: {@code v = rho v + (1 - rho) g^2}, step {@code lr g / sqrt(v + eps)}; {@code centered}
 * subtracts the squared running mean gradient from {@code v}; {@code momentum > 0} accumulates steps.
 */
public class RMSprop extends Optimizer {
  private final double rho;
  private final double momentum;
  private final double epsilon;
  private final boolean centered;
  private List<Variable> velocities;
  private List<Variable> momentums;
  private List<Variable> averageGradients;

  /**
   * Keras's {@code RMSprop}.
   *
   * @param options the arguments every optimizer takes
   * @param rho the decay rate of the mean square
   * @param momentum the momentum
   * @param epsilon the small constant for numerical stability
   * @param centered whether to normalize by the variance instead of the second moment
   */
  public RMSprop(OptimizerOptions options, double rho, double momentum, double epsilon, boolean centered) {
    super(options);
    this.rho = rho;
    this.momentum = momentum;
    this.epsilon = epsilon;
    this.centered = centered;
  }

  /**
   * RMSprop with Keras's defaults and the given learning rate.
   *
   * @param learningRate the constant learning rate
   */
  public RMSprop(double learningRate) {
    this(OptimizerOptions.of(learningRate), 0.9, 0.0, 1e-7, false);
  }

  /** RMSprop with Keras's defaults. */
  public RMSprop() {
    this(0.001);
  }

  @Override
  protected void createSlots(List<Variable> vars) {
    // Keras adds the three groups one after the other, not interleaved.
    velocities = addSlots(vars, "velocity");
    if (momentum > 0) {
      momentums = addSlots(vars, "momentum");
    }
    if (centered) {
      averageGradients = addSlots(vars, "average_gradient");
    }
  }

  @Override
  protected void updateStep(int index, INDArray g, INDArray w, float lr) {
    INDArray v = velocities.get(index).array();
    v.muli(rho).addi(g.mul(g).muli(1 - rho));
    INDArray denominator = v.add(epsilon);
    if (centered) {
      INDArray avg = averageGradients.get(index).array();
      avg.muli(rho).addi(g.mul(1 - rho));
      denominator.subi(avg.mul(avg));
    }
    INDArray increment = g.mul(lr).divi(Transforms.sqrt(denominator, false));
    if (momentum > 0) {
      INDArray m = momentums.get(index).array();
      m.muli(momentum).addi(increment);
      w.subi(m);
    } else {
      w.subi(increment);
    }
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("rho", rho).put("momentum", momentum).put("epsilon", epsilon)
        .put("centered", centered);
  }

  /**
   * Keras's {@code from_config}.
   *
   * @param c the optimizer's config
   * @return the optimizer
   */
  public static RMSprop fromConfig(Config c) {
    OptimizerOptions o = OptimizerOptions.fromConfig(c, 0.001);
    return new RMSprop(o, c.getDouble("rho", 0.9), c.getDouble("momentum", 0.0), c.getDouble("epsilon", 1e-7),
        c.getBoolean("centered", false));
  }
}

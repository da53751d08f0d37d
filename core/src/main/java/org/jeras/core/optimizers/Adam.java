package org.jeras.core.optimizers;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jeras.core.config.Config;
import org.jeras.core.ops.Kernels;
import org.jeras.core.tensor.Scratch;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam: {@code m += (g - m)(1 - b1)}, {@code v += (g^2 - v)(1 - b2)},
 * {@code w -= lr sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps)}; with {@code amsgrad}, the
 * running maximum of {@code v} replaces {@code v}.
 */
public class Adam extends Optimizer {
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final boolean amsgrad;
  private List<Variable> momentums;
  private List<Variable> velocities;
  private List<Variable> velocityHats;
  /** Scratch for each variable's update, reused across steps (not optimizer state). */
  private final Map<Integer, INDArray> updates = new HashMap<>();

  /**
   * Keras's {@code Adam}.
   *
   * @param options the arguments every optimizer takes
   * @param beta1 the decay rate of the first moment
   * @param beta2 the decay rate of the second moment
   * @param epsilon the small constant for numerical stability
   * @param amsgrad whether to use the AMSGrad variant
   */
  public Adam(OptimizerOptions options, double beta1, double beta2, double epsilon, boolean amsgrad) {
    super(options);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.amsgrad = amsgrad;
  }

  /**
   * Adam with Keras's defaults and the given learning rate.
   *
   * @param learningRate the constant learning rate
   */
  public Adam(double learningRate) {
    this(OptimizerOptions.of(learningRate), 0.9, 0.999, 1e-7, false);
  }

  /** Adam with Keras's defaults. */
  public Adam() {
    this(0.001);
  }

  @Override
  protected void createSlots(List<Variable> vars) {
    List<List<Variable>> mv = addSlots(vars, new String[] {"momentum", "velocity"}, new double[] {0, 0});
    momentums = mv.get(0);
    velocities = mv.get(1);
    if (amsgrad) {
      velocityHats = addSlots(vars, "velocity_hat");
    }
  }

  @Override
  protected void updateStep(int index, INDArray g, INDArray w, float lr) {
    INDArray m = momentums.get(index).array();
    INDArray v = velocities.get(index).array();
    if (!amsgrad && w.dataType() == DataType.FLOAT && g.dataType() == DataType.FLOAT
        && Kernels.hostDense(g, w, m, v)) {
      updateInPlace(g.data().asNioFloat(), w.data().asNioFloat(), m.data().asNioFloat(), v.data().asNioFloat(),
          (int) w.length(), alpha(lr));
      return;
    }
    if (!amsgrad && g.dataType() == w.dataType()) {
      // ND4J's adam_updater is this step's math in one pass (m, v in place; alpha from t = iteration + 1).
      INDArray update = updates.computeIfAbsent(index, i -> {
        try (var outside = Scratch.outside()) {
          return Nd4j.createUninitialized(w.dataType(), w.shape());
        }
      });
      Kernels.exec("adam_updater", new INDArray[] {g, v, m}, new INDArray[] {update, v, m},
          new long[] {iterations()}, new double[] {lr, beta1, beta2, epsilon});
      Kernels.exec("subtract", w, w, update);
      return;
    }
    float alpha = alpha(lr);
    m.muli(beta1).addi(g.mul(1 - beta1));
    v.muli(beta2).addi(g.mul(g).muli(1 - beta2));
    if (amsgrad) {
      INDArray vHat = velocityHats.get(index).array();
      Transforms.max(vHat, v, false);
      v = vHat;
    }
    w.subi(m.mul(alpha).divi(Transforms.sqrt(v, true).addi(epsilon)));
  }

  /** The step size of this iteration: {@code lr sqrt(1 - b2^t) / (1 - b1^t)} in float32. */
  private float alpha(float lr) {
    float t = iterations() + 1;
    float b1Power = (float) Math.pow((float) beta1, t);
    float b2Power = (float) Math.pow((float) beta2, t);
    return lr * (float) Math.sqrt(1f - b2Power) / (1f - b1Power);
  }

  /** Keras's float32 update, element by element over the buffers: no temporaries at all. */
  private void updateInPlace(FloatBuffer g, FloatBuffer w, FloatBuffer m, FloatBuffer v, int n, float alpha) {
    float oneMinusB1 = 1f - (float) beta1;
    float oneMinusB2 = 1f - (float) beta2;
    float eps = (float) epsilon;
    for (int i = 0; i < n; i++) {
      float gi = g.get(i);
      float mi = m.get(i);
      float vi = v.get(i);
      mi += (gi - mi) * oneMinusB1;
      vi += (gi * gi - vi) * oneMinusB2;
      m.put(i, mi);
      v.put(i, vi);
      w.put(i, w.get(i) - mi * alpha / ((float) Math.sqrt(vi) + eps));
    }
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("beta_1", beta1).put("beta_2", beta2).put("epsilon", epsilon).put("amsgrad", amsgrad);
  }

  /**
   * Keras's {@code from_config}.
   *
   * @param c the optimizer's config
   * @return the optimizer
   */
  public static Adam fromConfig(Config c) {
    OptimizerOptions o = OptimizerOptions.fromConfig(c, 0.001);
    return new Adam(o, c.getDouble("beta_1", 0.9), c.getDouble("beta_2", 0.999), c.getDouble("epsilon", 1e-7),
        c.getBoolean("amsgrad", false));
  }
}

package org.jeras.core.optimizers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Keras's {@code Adafactor} (Shazeer and Stern, 2018). The second moment of a variable of rank 2 or
 * more is factored over its last two axes into a row accumulator {@code r} (shape without the last
 * axis) and a column accumulator {@code c} (shape without the second last), {@code v = (r /
 * mean(r)) c}; smaller variables keep a full {@code v}. With {@code t} the step, {@code beta2_t = 1 -
 * t^beta_2_decay}, {@code rho = min(lr, 1 / sqrt(t))} and {@code alpha = max(epsilon_2, rms(w))
 * rho}, the update is {@code w -= alpha u / max(1, rms(u) / clip_threshold)} for {@code u = g /
 * sqrt(v)}, where {@code v} accumulates {@code g^2 + epsilon_1}.
 *
 * <p>As in Keras, a variable of rank below 2 still gets two placeholder int32 scalars (named and
 * pathed after the variable, value 0) in place of {@code r} and {@code c}: they are saved with the
 * optimizer state.
 */
public class Adafactor extends Optimizer {
  private final double beta2Decay;
  private final double epsilon1;
  private final double epsilon2;
  private final double clipThreshold;
  private final boolean relativeStep;
  private final List<Variable> rows = new ArrayList<>();
  private final List<Variable> cols = new ArrayList<>();
  private final List<Variable> velocities = new ArrayList<>();

  /**
   * Keras's {@code Adafactor}.
   *
   * @param options the arguments every optimizer takes
   * @param beta2Decay the exponent of the step in the second-moment decay
   * @param epsilon1 the constant added to the squared gradients
   * @param epsilon2 the floor of the variable's RMS in the step size
   * @param clipThreshold the RMS above which updates are scaled down
   * @param relativeStep whether a constant learning rate is capped at {@code 1 / sqrt(t)}
   */
  public Adafactor(OptimizerOptions options, double beta2Decay, double epsilon1, double epsilon2,
      double clipThreshold, boolean relativeStep) {
    super(options);
    this.beta2Decay = beta2Decay;
    this.epsilon1 = epsilon1;
    this.epsilon2 = epsilon2;
    this.clipThreshold = clipThreshold;
    this.relativeStep = relativeStep;
  }

  /**
   * Adafactor with Keras's defaults and the given learning rate.
   *
   * @param learningRate the constant learning rate
   */
  public Adafactor(double learningRate) {
    this(OptimizerOptions.of(learningRate), -0.8, 1e-30, 1e-3, 1.0, true);
  }

  /** Adafactor with Keras's defaults. */
  public Adafactor() {
    this(0.001);
  }

  @Override
  protected void createSlots(List<Variable> vars) {
    for (Variable v : vars) {
      long[] shape = v.array().shape();
      DataType dt = v.array().dataType();
      if (shape.length < 2) {
        rows.add(track(new Variable(v.name(), v.name(), Nd4j.scalar(DataType.INT, 0), false)));
        cols.add(track(new Variable(v.name(), v.name(), Nd4j.scalar(DataType.INT, 0), false)));
      } else {
        long[] rowShape = Arrays.copyOf(shape, shape.length - 1);
        long[] colShape = rowShape.clone();
        colShape[colShape.length - 1] = shape[shape.length - 1];
        rows.add(track(new Variable(v.name(), name() + "/" + v.name(), Nd4j.zeros(dt, rowShape), false)));
        cols.add(track(new Variable(v.name(), name() + "/" + v.name(), Nd4j.zeros(dt, colShape), false)));
      }
      velocities.add(addSlots(List.of(v), "velocity").get(0));
    }
  }

  @Override
  protected void updateStep(int index, INDArray g, INDArray w, float lr) {
    float t = iterations() + 1;
    float invSqrtT = 1f / (float) Math.sqrt(t);
    if (schedule() == null && relativeStep) {
      lr = Math.min(lr, invSqrtT);
    }
    float rho = Math.min(lr, invSqrtT);
    float alpha = Math.max((float) epsilon2, rms(w)) * rho;
    INDArray regulated = g.mul(g).addi(epsilon1);
    float beta2t = 1f - (float) Math.pow(t, (float) beta2Decay);
    INDArray v = velocities.get(index).array();
    int rank = w.rank();
    if (rank >= 2) {
      INDArray r = rows.get(index).array();
      INDArray c = cols.get(index).array();
      r.muli(beta2t).addi(regulated.mean(rank - 1).reshape(r.shape()).muli(1 - beta2t));
      c.muli(beta2t).addi(regulated.mean(rank - 2).reshape(c.shape()).muli(1 - beta2t));
      long[] shape = w.shape();
      long[] rShape = shape.clone();
      rShape[rank - 1] = 1;
      long[] cShape = shape.clone();
      cShape[rank - 2] = 1;
      INDArray rNorm = r.div(r.mean(true, rank - 2)).reshape(rShape).broadcast(shape);
      v.assign(rNorm.mul(c.reshape(cShape).broadcast(shape)));
    } else {
      v.muli(beta2t).addi(regulated.muli(1 - beta2t));
    }
    INDArray u = g.div(Transforms.sqrt(v, true));
    float scale = Math.max(1f, rms(u) / (float) clipThreshold);
    w.subi(u.divi(scale).muli(alpha));
  }

  private static float rms(INDArray x) {
    return (float) Math.sqrt(x.mul(x).meanNumber().floatValue());
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("beta_2_decay", beta2Decay).put("epsilon_1", epsilon1).put("epsilon_2", epsilon2)
        .put("clip_threshold", clipThreshold).put("relative_step", relativeStep);
  }

  /**
   * Keras's {@code from_config}.
   *
   * @param c the optimizer's config
   * @return the optimizer
   */
  public static Adafactor fromConfig(Config c) {
    OptimizerOptions o = OptimizerOptions.fromConfig(c, 0.001);
    return new Adafactor(o, c.getDouble("beta_2_decay", -0.8), c.getDouble("epsilon_1", 1e-30),
        c.getDouble("epsilon_2", 1e-3), c.getDouble("clip_threshold", 1.0), c.getBoolean("relative_step", true));
  }
}

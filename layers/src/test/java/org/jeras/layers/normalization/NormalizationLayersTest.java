package org.jeras.layers.normalization;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.GradientTape;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.core.Axes;
import org.jeras.layers.core.Dense;
import org.jeras.layers.testing.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The normalization layers: statistics, weights, gradients, configs and training. */
class NormalizationLayersTest {

  private static INDArray rand(long seed, long... shape) {
    return TestData.uniform(seed, -1.0, 1.0, shape);
  }

  /** gamma and beta moved off their defaults so the gradient check sees them act. */
  private static void perturb(Layer l) {
    for (Variable v : l.trainableWeights()) {
      v.assign(v.array().add(rand(v.array().length(), v.array().shape()).muli(0.3)));
    }
  }

  @Test
  void batchNormalizationTrainingAndInference() {
    INDArray x = rand(1, 6, 3);
    BatchNormalization bn = f64(new BatchNormalization().momentum(0.8));
    bn.apply(Tensor.of(x), false);
    assertEquals(List.of("gamma", "beta", "moving_mean", "moving_variance"),
        bn.ownVariables().stream().map(Variable::name).toList());
    perturb(bn);
    INDArray y = bn.apply(Tensor.of(x), true).value();
    // Training normalizes with the batch statistics (biased variance) ...
    INDArray mean = x.mean(0);
    INDArray var = x.sub(mean).muli(x.sub(mean)).mean(0);
    INDArray want = x.subRowVector(mean).divRowVector(Transforms.sqrt(var.add(1e-3)))
        .mulRowVector(bn.gamma().array()).addRowVector(bn.beta().array());
    assertTrue(y.sub(want).amaxNumber().doubleValue() < 1e-12);
    // ... and moves the moving statistics toward them.
    assertTrue(bn.movingMean().array().sub(mean.mul(0.2)).amaxNumber().doubleValue() < 1e-12);
    assertTrue(bn.movingVariance().array().sub(var.mul(0.2).addi(0.8)).amaxNumber().doubleValue() < 1e-12);
    // Inference uses the moving statistics and changes nothing.
    INDArray inf = bn.apply(Tensor.of(x), false).value();
    INDArray wantInf = x.subRowVector(bn.movingMean().array())
        .divRowVector(Transforms.sqrt(bn.movingVariance().array().add(1e-3)))
        .mulRowVector(bn.gamma().array()).addRowVector(bn.beta().array());
    assertTrue(inf.sub(wantInf).amaxNumber().doubleValue() < 1e-12);
    // A frozen layer uses its moving statistics even in training.
    INDArray before = bn.movingMean().array().dup();
    bn.setTrainable(false);
    assertEquals(inf, bn.apply(Tensor.of(x), true).value());
    assertEquals(before, bn.movingMean().array());
  }

  @Test
  void batchNormalizationWeightsFollowCenterAndScale() {
    BatchNormalization noScale = new BatchNormalization().scale(false);
    noScale.build(Shape.of(-1, 4), true);
    assertEquals(List.of("beta", "moving_mean", "moving_variance"), noScale.ownVariables().stream().map(Variable::name).toList());
    BatchNormalization neither = new BatchNormalization(1).center(false).scale(false);
    neither.build(Shape.of(-1, 3, 5, 5), true);
    assertEquals(List.of("moving_mean", "moving_variance"), neither.ownVariables().stream().map(Variable::name).toList());
    assertEquals(Shape.of(3), neither.movingMean().shape());
    assertTrue(neither.trainableWeights().isEmpty());
  }

  @Test
  void batchNormalizationGradients() {
    INDArray x = rand(2, 4, 3, 2);
    BatchNormalization bn = f64(new BatchNormalization(1));
    bn.apply(Tensor.of(x), true);
    perturb(bn);
    GradCheck.check(t -> bn.apply(t.get(0), true), x);
    GradCheck.checkVariables(() -> bn.apply(Tensor.of(x), true), bn.trainableWeights());
    GradCheck.check(t -> bn.apply(t.get(0), false), x);
    GradCheck.checkVariables(() -> bn.apply(Tensor.of(x), false), bn.trainableWeights());
  }

  @Test
  void batchNormalizationMaskedStatistics() {
    INDArray x = rand(3, 2, 4, 3);
    INDArray mask = Nd4j.createFromArray(new boolean[][] {{true, true, false, true}, {false, true, true, false}});
    BatchNormalization bn = f64(new BatchNormalization().momentum(0.0));
    Tensor out = bn.apply(Tensor.of(x).withMask(Tensor.of(mask)), true);
    assertEquals(mask, out.mask().value(), "the mask passes through");
    // With momentum 0 the moving statistics are the masked batch statistics.
    double[] sum = new double[3];
    double[] sq = new double[3];
    int n = 0;
    for (int b = 0; b < 2; b++) {
      for (int t = 0; t < 4; t++) {
        if (mask.getDouble(b, t) > 0) {
          n++;
          for (int c = 0; c < 3; c++) {
            sum[c] += x.getDouble(b, t, c);
          }
        }
      }
    }
    for (int b = 0; b < 2; b++) {
      for (int t = 0; t < 4; t++) {
        for (int c = 0; c < 3 && mask.getDouble(b, t) > 0; c++) {
          double d = x.getDouble(b, t, c) - sum[c] / (n + 1e-7);
          sq[c] += d * d;
        }
      }
    }
    for (int c = 0; c < 3; c++) {
      assertEquals(sum[c] / (n + 1e-7), bn.movingMean().array().getDouble(c), 1e-12);
      assertEquals(sq[c] / (n + 1e-7), bn.movingVariance().array().getDouble(c), 1e-12);
    }
    GradCheck.check(t -> bn.apply(t.get(0).withMask(Tensor.of(mask)), true), x);
  }

  @Test
  void batchRenormalization() {
    INDArray x = rand(4, 5, 3);
    Config clip = Config.empty().put("rmax", 1.5).put("rmin", 0.5).put("dmax", 0.2);
    BatchNormalization bn = f64(new BatchNormalization().momentum(0.9)).renorm(clip, 0.7);
    bn.apply(Tensor.of(x), false);
    assertEquals(List.of("gamma", "beta", "moving_mean", "moving_variance", "moving_stddev", "renorm_mean",
        "renorm_stddev"), bn.ownVariables().stream().map(Variable::name).toList());
    perturb(bn);
    List<Variable> state = bn.ownVariables();
    state.get(5).assign(Nd4j.createFromArray(0.3, -0.3, 0.0));
    state.get(6).assign(Nd4j.createFromArray(0.2, 0.6, 1.0));
    INDArray mean = x.mean(0);
    INDArray var = x.sub(mean).muli(x.sub(mean)).mean(0);
    INDArray std = Transforms.sqrt(var.add(1e-3));
    INDArray y = bn.apply(Tensor.of(x), true).value();
    INDArray gamma = bn.gamma().array();
    INDArray beta = bn.beta().array();
    double[] rStd = {0.2, 0.6, 1.0};
    double[] rMean = {0.3, -0.3, 0.0};
    for (int c = 0; c < 3; c++) {
      double r = Math.min(Math.max(std.getDouble(c) / rStd[c], 0.5), 1.5);
      double d = Math.min(Math.max((mean.getDouble(c) - rMean[c]) / rStd[c], -0.2), 0.2);
      double v = x.getDouble(2, c);
      double want = (v - mean.getDouble(c)) / std.getDouble(c) * r * gamma.getDouble(c) + d * gamma.getDouble(c)
          + beta.getDouble(c);
      assertEquals(want, y.getDouble(2, c), 1e-12);
      assertEquals(rMean[c] * 0.7 + mean.getDouble(c) * 0.3, state.get(5).array().getDouble(c), 1e-12);
      assertEquals(rStd[c] * 0.7 + std.getDouble(c) * 0.3, state.get(6).array().getDouble(c), 1e-12);
      double movingStd = Math.sqrt(1.0) * 0.9 + std.getDouble(c) * 0.1;
      assertEquals(movingStd, state.get(4).array().getDouble(c), 1e-12);
      assertEquals(Math.max(movingStd * movingStd - 1e-3, 0), bn.movingVariance().array().getDouble(c), 1e-12);
    }
    // r and d carry no gradient: check where both are clipped (so constant near x), from a fixed state.
    List<INDArray> fixed = List.of(Nd4j.createFromArray(5.0, -5.0, 5.0), Nd4j.createFromArray(0.01, 0.01, 0.01));
    Function<Tensor, Tensor> step = in -> {
      state.get(5).assign(fixed.get(0));
      state.get(6).assign(fixed.get(1));
      return bn.apply(in, true);
    };
    GradCheck.check(t -> step.apply(t.get(0)), x);
    GradCheck.checkVariables(() -> step.apply(Tensor.of(x)), bn.trainableWeights());
    assertThrows(ConfigException.class, () -> new BatchNormalization().renorm(Config.empty().put("rmax", 0.5)
        .put("rmin", 1.0), 0.9));
  }

  @Test
  void layerNormalizationMathAndGradients() {
    INDArray x = rand(5, 2, 3, 4);
    LayerNormalization ln = f64(new LayerNormalization(Axes.list(-1, 1)));
    ln.apply(Tensor.of(x));
    assertEquals(Axes.list(1, 2), ln.axis(), "axes are sorted and made non-negative when built");
    assertEquals(Shape.of(3, 4), ln.gamma().shape());
    perturb(ln);
    GradCheck.check(t -> ln.apply(t.get(0)), x);
    GradCheck.checkVariables(() -> ln.apply(Tensor.of(x)), ln.trainableWeights());

    LayerNormalization rms = f64(new LayerNormalization().rmsScaling(true));
    INDArray y = rms.apply(Tensor.of(x)).value();
    assertEquals(List.of("gamma"), rms.ownVariables().stream().map(Variable::name).toList());
    INDArray m = x.mean(true, 2);
    INDArray var = x.sub(m).muli(x.sub(m)).mean(true, 2);
    INDArray want = x.div(Transforms.sqrt(var.add(1e-3)));
    assertTrue(y.sub(want).amaxNumber().doubleValue() < 1e-12, "rms_scaling divides by sqrt(variance + eps)");
    perturb(rms);
    GradCheck.check(t -> rms.apply(t.get(0)), x);
    GradCheck.checkVariables(() -> rms.apply(Tensor.of(x)), rms.trainableWeights());
  }

  @Test
  void groupAndUnitNormalization() {
    INDArray x = rand(6, 2, 3, 4);
    GroupNormalization gn = f64(new GroupNormalization(2));
    INDArray y = gn.apply(Tensor.of(x)).value();
    // Group 0 of sample 1 is channels 0-1 over all 3 positions: zero mean, unit (biased) variance.
    INDArray group = y.get(NDArrayIndex.point(1), NDArrayIndex.all(),
        NDArrayIndex.interval(0, 2)).dup();
    assertEquals(0.0, group.meanNumber().doubleValue(), 1e-12);
    double v = group.mul(group).meanNumber().doubleValue();
    INDArray raw = x.get(NDArrayIndex.point(1), NDArrayIndex.all(),
        NDArrayIndex.interval(0, 2)).dup();
    double rv = raw.sub(raw.meanNumber()).muli(raw.sub(raw.meanNumber())).meanNumber().doubleValue();
    assertEquals(rv / (rv + 1e-3), v, 1e-12);
    perturb(gn);
    GradCheck.check(t -> gn.apply(t.get(0)), x);
    GradCheck.checkVariables(() -> gn.apply(Tensor.of(x)), gn.trainableWeights());
    GroupNormalization instance = f64(new GroupNormalization(-1, 1));
    instance.apply(Tensor.of(x));
    assertEquals(3, instance.groups(), "groups=-1 becomes the channel count");
    perturb(instance);
    GradCheck.check(t -> instance.apply(t.get(0)), x);
    assertThrows(IllegalArgumentException.class, () -> new GroupNormalization(3).apply(Tensor.of(x)));
    assertThrows(ConfigException.class, () -> new GroupNormalization(0));

    UnitNormalization unit = f64(new UnitNormalization(Axes.list(1, 2)));
    INDArray u = unit.apply(Tensor.of(x)).value();
    assertEquals(1.0, u.mul(u).sum(1, 2).getDouble(0), 1e-12);
    GradCheck.check(t -> unit.apply(t.get(0)), x);
  }

  @Test
  void configsRoundTripWithKerasKeys() {
    List<Layer> layers = List.of(new BatchNormalization(1).momentum(0.9).epsilon(1e-5),
        new BatchNormalization().renorm(Config.empty().put("rmax", 3.0), 0.95),
        new LayerNormalization(Axes.list(1, 2)).rmsScaling(true), new LayerNormalization().center(false),
        new GroupNormalization(4, 1), new UnitNormalization(Axes.list(1, 2)), new UnitNormalization());
    for (Layer l : layers) {
      Config c = l.getConfig();
      Layer back = Serialization.deserialize(Serialization.serialize(l), Layer.class);
      assertEquals(c, back.getConfig(), l.className());
    }
    assertEquals(List.of("name", "trainable", "dtype", "axis", "momentum", "epsilon", "center", "scale",
        "beta_initializer", "gamma_initializer", "moving_mean_initializer", "moving_variance_initializer",
        "beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint", "synchronized", "renorm",
        "renorm_clipping", "renorm_momentum"), List.copyOf(new BatchNormalization().getConfig().json().keySet()));
    assertEquals(List.of("name", "trainable", "dtype", "axis", "epsilon", "center", "scale", "rms_scaling",
        "beta_initializer", "gamma_initializer", "beta_regularizer", "gamma_regularizer", "beta_constraint",
        "gamma_constraint"), List.copyOf(new LayerNormalization().getConfig().json().keySet()));
    assertEquals(List.of("name", "trainable", "dtype", "groups", "axis", "epsilon", "center", "scale",
        "beta_initializer", "gamma_initializer", "beta_regularizer", "gamma_regularizer", "beta_constraint",
        "gamma_constraint"), List.copyOf(new GroupNormalization(2).getConfig().json().keySet()));
    Config bn = new BatchNormalization().getConfig();
    assertEquals(0.99, bn.getDouble("momentum"));
    assertEquals(0.001, bn.getDouble("epsilon"));
    assertEquals("{}", new BatchNormalization().renorm(null, 0.99).getConfig().get("renorm_clipping").toString());
    assertEquals(-1, new LayerNormalization().getConfig().getInt("axis"));
    assertEquals(32, new GroupNormalization(32).getConfig().getInt("groups"));
    assertThrows(ConfigException.class, () -> BatchNormalization.fromConfig(Config.empty().put("synchronized", true)));
  }

  /** Dense -> BatchNormalization -> Dense -> LayerNormalization -> GroupNormalization learns by plain gradient descent. */
  @Test
  void trains() {
    INDArray x = rand(7, 16, 4).castTo(DataType.FLOAT);
    INDArray target = x.mul(x).sum(true, 1).castTo(DataType.FLOAT);
    Dense d1 = new Dense(8);
    BatchNormalization bn = new BatchNormalization();
    Dense d2 = new Dense(4);
    LayerNormalization ln = new LayerNormalization();
    GroupNormalization gn = new GroupNormalization(2);
    Dense out = new Dense(1);
    List<Layer> layers = List.of(d1, bn, d2, ln, gn, out);
    List<Variable> vars = new ArrayList<>();
    double first = 0;
    double last = 0;
    for (int step = 0; step < 40; step++) {
      try (GradientTape tape = GradientTape.record()) {
        Tensor h = Tensor.of(x);
        for (Layer l : layers) {
          h = l.apply(h, true);
          if (l == bn || l == gn) {
            h = NnOps.relu(h);
          }
        }
        Tensor loss = ReduceOps.mean(MathOps.square(MathOps.sub(h, Tensor.of(target))));
        if (vars.isEmpty()) {
          layers.forEach(l -> vars.addAll(l.trainableWeights()));
        }
        List<INDArray> grads = tape.gradient(loss, vars);
        for (int i = 0; i < vars.size(); i++) {
          vars.get(i).assign(vars.get(i).array().sub(grads.get(i).mul(0.05)));
        }
        last = loss.value().getDouble(0);
        if (step == 0) {
          first = last;
        }
      }
    }
    assertTrue(last < 0.5 * first, "loss " + first + " -> " + last);
    assertTrue(bn.movingMean().array().amaxNumber().doubleValue() > 0, "moving statistics were updated");
  }
}

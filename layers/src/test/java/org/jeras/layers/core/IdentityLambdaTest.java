package org.jeras.layers.core;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.jeras.core.activations.Activation;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.DTypePolicy;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.testing.TinyTraining;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class IdentityLambdaTest {
  static final Activation AFFINE = x -> MathOps.add(MathOps.mul(x, 2.0), 1.0);
  static final Lambda.Function PRODUCT = xs -> MathOps.mul(xs.get(0), NnOps.tanh(xs.get(1)));

  static {
    Registry.registerFunction("jeras_tests", "affine", AFFINE);
    Registry.registerFunction("jeras_tests", "product", PRODUCT);
  }

  static INDArray rand(long seed, long... shape) {
    Nd4j.getRandom().setSeed(seed);
    return Nd4j.rand(DataType.DOUBLE, shape).subi(0.5);
  }

  @Test
  void identityPassesValueAndMask() {
    Tensor mask = Tensor.of(Nd4j.create(new boolean[] {true, false}, new long[] {1, 2}, DataType.BOOL));
    Tensor x = Tensor.of(rand(1, 1, 2, 3)).withMask(mask);
    Tensor out = new Identity().setDtypePolicy(new DTypePolicy("float64")).apply(x);
    assertSame(x.value(), out.value());
    assertSame(mask, out.mask());
    GradCheck.check(t -> new Identity().setDtypePolicy(new DTypePolicy("float64")).apply(t.get(0)), rand(2, 2, 3));
  }

  @Test
  void lambdaGradientsAndTraining() {
    GradCheck.check(t -> new Lambda(PRODUCT).setDtypePolicy(new DTypePolicy("float64")).apply(List.of(t.get(0), t.get(1))),
        rand(4, 2, 3), rand(5, 2, 3));
    Dense d = new Dense(2);
    d.setDtypePolicy(new DTypePolicy("float64"));
    Lambda l = new Lambda(AFFINE);
    INDArray x = rand(6, 8, 3);
    INDArray y = rand(7, 8, 2);
    d.apply(Tensor.of(x));
    TinyTraining.assertLossFalls(() -> ReduceOps.mean(MathOps.square(MathOps.sub(l.apply(d.apply(Tensor.of(x))), Tensor.of(y)))),
        d.trainableWeights(), 0.05, 20, 0.5);
  }
}

package org.jeras.core.constraints;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.Ops;
import org.jeras.core.optimizers.SGD;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** A user's constraint written with tensors and {@link Ops} is applied after each optimizer update. */
class TensorConstraintTest {
  /** Keeps each weight in {@code [-limit, limit]}. */
  static final class ClipTo implements Constraint {
    final double limit;

    ClipTo(double limit) {
      this.limit = limit;
    }

    @Override
    public Tensor apply(Tensor w) {
      return Ops.clip(w, -limit, limit);
    }

    @Override
    public Config getConfig() {
      return Config.empty().put("limit", limit);
    }
  }

  /** A layer with one constrained weight. */
  static final class Constrained extends Layer {
    Variable w;

    @Override
    protected void build(Shape inputShape) {
      w = addWeight("w", new long[] {2}, new org.jeras.core.initializers.Zeros(), null, new ClipTo(0.5), true);
    }

    @Override
    protected Tensor call(Tensor x, org.jeras.core.layer.CallContext ctx) {
      return Ops.multiply(x, w.read());
    }
  }

  @Test
  void aTensorConstraintProjectsTheWeightAfterTheUpdate() {
    Constrained layer = new Constrained();
    layer.apply(Tensor.of(Nd4j.ones(DataType.FLOAT, 1, 2)));
    layer.w.assign(Nd4j.createFromArray(0.4f, -0.4f));
    new SGD(1.0).applyGradients(List.of(Nd4j.createFromArray(-1f, 0.05f)), List.of(layer.w));
    // 0.4 + 1 = 1.4 is clipped to 0.5; -0.4 - 0.05 = -0.45 is inside.
    assertArrayEquals(new double[] {0.5, -0.45}, layer.w.array().castTo(DataType.DOUBLE).toDoubleVector(), 1e-6);
  }

  @Test
  void builtInConstraintsTakeTensors() {
    Tensor w = Tensor.of(Nd4j.createFromArray(-1.0, 2.0));
    assertArrayEquals(new double[] {0, 2}, new NonNeg().apply(w).value().toDoubleVector(), 0);
  }
}

package org.jeras.layers.activations;

import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.constraints.Constraint;
import org.jeras.core.initializers.Initializer;
import org.jeras.core.initializers.Initializers;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.InputSpec;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.regularizers.Regularizer;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;

/**
 * Parametric ReLU (Keras's {@code PReLU}): {@code relu(x) - alpha * relu(-x)} with a learned
 * {@code alpha} of the input's non-batch shape, size 1 along {@code shared_axes} (1-based).
 */
public class PReLU extends Layer {
  private final Initializer alphaInitializer;
  private final Regularizer alphaRegularizer;
  private final Constraint alphaConstraint;
  private final int[] sharedAxes;
  private Variable alpha;

  /** Keras's {@code PReLU()}: every argument at its default. */
  public PReLU() {
    this(Initializers.get("zeros"), null, null, null);
  }

  /**
   * Keras's {@code PReLU}.
   *
   * @param alphaInitializer the initializer of the learned slopes
   * @param alphaRegularizer their regularizer, or null
   * @param alphaConstraint their constraint, or null
   * @param sharedAxes the axes along which one slope is shared, or null
   */
  public PReLU(Initializer alphaInitializer, Regularizer alphaRegularizer, Constraint alphaConstraint, int[] sharedAxes) {
    this.alphaInitializer = alphaInitializer;
    this.alphaRegularizer = alphaRegularizer;
    this.alphaConstraint = alphaConstraint;
    this.sharedAxes = sharedAxes == null ? null : sharedAxes.clone();
    this.supportsMasking = true;
  }

  @Override
  protected void build(Shape inputShape) {
    long[] shape = new long[inputShape.rank() - 1];
    for (int i = 1; i < inputShape.rank(); i++) {
      shape[i - 1] = inputShape.get(i);
    }
    if (sharedAxes != null) {
      for (int a : sharedAxes) {
        if (a < 1 || a > shape.length) {
          throw Args.invalid(className(), "shared_axes", "non-batch axes in 1.." + shape.length, a);
        }
        shape[a - 1] = 1;
      }
    }
    // As Keras: the axes are fixed only when some are shared; otherwise just the rank.
    InputSpec.Builder spec = InputSpec.builder().ndim(inputShape.rank());
    if (sharedAxes != null && sharedAxes.length > 0) {
      for (int i = 1; i < inputShape.rank(); i++) {
        final int axis = i;
        if (java.util.Arrays.stream(sharedAxes).noneMatch(a -> a == axis)) {
          spec.axis(i, inputShape.get(i));
        }
      }
    }
    setInputSpec(spec.build());
    alpha = addWeight("alpha", shape, alphaInitializer, alphaRegularizer, alphaConstraint, true);
  }

  /** {@return the learned slope for negative inputs} */
  public Variable alpha() {
    return alpha;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    Tensor a = MathOps.cast(alpha.read(), x.dtype());
    return MathOps.sub(NnOps.relu(x), MathOps.mul(a, NnOps.relu(MathOps.neg(x))));
  }

  @Override
  public Config getConfig() {
    Config c = super.getConfig()
        .put("alpha_initializer", Serialization.serialize(alphaInitializer))
        .put("alpha_regularizer", Serialization.serialize(alphaRegularizer))
        .put("alpha_constraint", Serialization.serialize(alphaConstraint));
    return sharedAxes == null ? c.put("shared_axes", (String) null) : c.putInts("shared_axes", sharedAxes);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code PReLU.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static PReLU fromConfig(Config c) {
    Initializer init = c.isSet("alpha_initializer")
        ? Serialization.deserialize(c.get("alpha_initializer"), Initializer.class) : Initializers.get("zeros");
    int[] shared = null;
    if (c.isSet("shared_axes")) {
      shared = c.get("shared_axes").isJsonPrimitive() ? new int[] {c.getInt("shared_axes")} : c.getInts("shared_axes");
    }
    return new PReLU(init, Serialization.deserialize(c.getOrNull("alpha_regularizer"), Regularizer.class),
        Serialization.deserialize(c.getOrNull("alpha_constraint"), Constraint.class), shared).withBaseConfig(c);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    buildIfNeeded(inputShape);
    return inputShape;
  }
}

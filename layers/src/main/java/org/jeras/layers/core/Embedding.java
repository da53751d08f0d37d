package org.jeras.layers.core;

import com.google.gson.JsonElement;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.constraints.Constraint;
import org.jeras.core.initializers.Initializer;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.regularizers.Regularizer;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;

/**
 * Keras's {@code Embedding}: integer ids {@code [...]} to rows of {@code embeddings
 * [input_dim, output_dim]}, giving {@code [..., output_dim]}. With {@code mask_zero} the output
 * carries the mask {@code ids != 0}.
 */
public class Embedding extends Layer {
  private final int inputDim;
  private final int outputDim;
  private Initializer embeddingsInitializer = Defaults.initializer("uniform");
  private Regularizer embeddingsRegularizer;
  private Constraint embeddingsConstraint;
  private boolean maskZero;
  private Variable embeddings;

  public Embedding(int inputDim, int outputDim) {
    if (inputDim <= 0 || outputDim <= 0) {
      throw new IllegalArgumentException("input_dim and output_dim must be positive, got " + inputDim + ", " + outputDim);
    }
    this.inputDim = inputDim;
    this.outputDim = outputDim;
  }

  public Embedding maskZero(boolean v) {
    this.maskZero = v;
    return this;
  }

  public Embedding embeddingsInitializer(Initializer i) {
    this.embeddingsInitializer = i;
    return this;
  }

  public Embedding embeddingsRegularizer(Regularizer r) {
    this.embeddingsRegularizer = r;
    return this;
  }

  public Embedding embeddingsConstraint(Constraint c) {
    this.embeddingsConstraint = c;
    return this;
  }

  public Variable embeddings() {
    return embeddings;
  }

  @Override
  protected void build(Shape inputShape) {
    embeddings = addWeight("embeddings", new long[] {inputDim, outputDim}, embeddingsInitializer,
        embeddingsRegularizer, embeddingsConstraint, true);
  }

  @Override
  protected boolean autocastsInputs() {
    // Ids stay integers; float ids are truncated by the lookup.
    return false;
  }

  @Override
  protected Tensor call(Tensor ids, CallContext ctx) {
    return MathOps.cast(ArrayOps.gather(embeddings.read(), ids), computeDtype());
  }

  @Override
  protected Tensor computeMask(CallArgs args, List<Tensor> outputs) {
    if (!maskZero) {
      return null;
    }
    return Tensor.of(args.tensor(0).value().neq(0));
  }

  @Override
  public Config getConfig() {
    Config c = super.getConfig();
    JsonElement activity = c.getOrNull("activity_regularizer");
    return c.put("input_dim", inputDim)
        .put("output_dim", outputDim)
        .put("embeddings_initializer", Serialization.serialize(embeddingsInitializer))
        .put("embeddings_regularizer", Serialization.serialize(embeddingsRegularizer))
        .put("activity_regularizer", activity)
        .put("embeddings_constraint", Serialization.serialize(embeddingsConstraint))
        .put("mask_zero", maskZero)
        .put("quantization_config", (String) null);
  }

  public static Embedding fromConfig(Config c) {
    Embedding e = new Embedding(c.getInt("input_dim"), c.getInt("output_dim"));
    if (c.isSet("embeddings_initializer")) {
      e.embeddingsInitializer = Serialization.deserialize(c.get("embeddings_initializer"), Initializer.class);
    }
    e.embeddingsRegularizer = Serialization.deserialize(c.getOrNull("embeddings_regularizer"), Regularizer.class);
    e.embeddingsConstraint = Serialization.deserialize(c.getOrNull("embeddings_constraint"), Constraint.class);
    e.maskZero = c.getBoolean("mask_zero", false);
    return e.withBaseConfig(c);
  }
}

package org.jeras.layers.normalization;

import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.initializers.TruncatedNormal;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.DTypePolicy;
import org.jeras.core.layer.InputSpec;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.VariableStore;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's {@code SpectralNormalization}: wraps a layer (attribute {@code layer}) with a
 * {@code kernel} or {@code embeddings} and, in training calls, divides that weight by its largest
 * singular value, estimated by {@code power_iterations} steps of the power method from the
 * non-trainable {@code vector_u [1, last dim]} (which keeps the last estimate). The normalized
 * weight replaces the stored one, as Keras assigns it; inference calls use the weight as stored.
 * As Keras saves it, the wrapper's own variables are the wrapped weight and then {@code vector_u}.
 */
public class SpectralNormalization extends Layer {
  private final Layer layer;
  private final int powerIterations;
  private Variable kernel;
  private Variable vectorU;

  /**
   * Keras's {@code SpectralNormalization(layer, power_iterations)}.
   *
   * @param layer the wrapped layer
   * @param powerIterations the number of power-method steps per training call
   */
  public SpectralNormalization(Layer layer, int powerIterations) {
    this.layer = track("layer", layer);
    this.powerIterations = Args.positive(className(), "power_iterations", powerIterations);
  }

  /**
   * Keras's {@code SpectralNormalization(layer)}: one power-method step.
   *
   * @param layer the wrapped layer
   */
  public SpectralNormalization(Layer layer) {
    this(layer, 1);
  }

  /** {@return the wrapped layer} */
  public Layer layer() {
    return layer;
  }

  /** {@return the power-method state {@code [1, last dim of the kernel]}} */
  public Variable vectorU() {
    return vectorU;
  }

  @Override
  public <L extends Layer> L setDtypePolicy(DTypePolicy policy) {
    layer.setDtypePolicy(policy);
    return super.setDtypePolicy(policy);
  }

  @Override
  protected void build(Shape inputShape) {
    layer.build(inputShape, true);
    setInputSpec(InputSpec.builder().minNdim(1).axis(-1, inputShape.get(-1)).build());
    kernel = wrappedWeight(layer);
    long[] k = kernel.shape().dims();
    vectorU = addWeight("vector_u", new long[] {1, k[k.length - 1]}, new TruncatedNormal(0.0, 0.02, null),
        null, null, false);
  }

  private Variable wrappedWeight(Layer l) {
    for (String name : new String[] {"kernel", "embeddings"}) {
      for (Variable v : l.ownVariables()) {
        if (v.name().equals(name)) {
          return v;
        }
      }
    }
    throw new IllegalArgumentException("Layer '" + name() + "' (SpectralNormalization): " + l.className()
        + " object has no attribute 'kernel' nor 'embeddings'");
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    if (ctx.training() && kernel.array().amaxNumber().doubleValue() != 0) {
      normalizeWeights();
    }
    Tensor y = layer.apply(CallArgs.of(x), ctx).get(0);
    return MathOps.cast(y, x.dtype());
  }

  /**
   * Keras's {@code normalized_weights}, assigned: power iteration on the kernel reshaped to
   * {@code [-1, last dim]}, then {@code kernel / (v W u^T)}. No gradient flows through the
   * estimate (Keras stops it), so it runs on plain arrays.
   */
  private void normalizeWeights() {
    INDArray k = kernel.array();
    long last = k.size(k.rank() - 1);
    INDArray w = k.reshape('c', k.length() / last, last);
    INDArray u = vectorU.array().castTo(w.dataType());
    INDArray v = null;
    for (int i = 0; i < powerIterations; i++) {
      v = l2Normalize(u.mmul(w.transpose()));
      u = l2Normalize(v.mmul(w));
    }
    double sigma = v.mmul(w).mmul(u.transpose()).getDouble(0);
    vectorU.assign(u.castTo(vectorU.array().dataType()));
    kernel.assign(k.div(sigma));
  }

  /** Keras's {@code ops.normalize(x, axis=None)}: {@code x * rsqrt(max(sum(x^2), epsilon^2))}, epsilon 1e-7. */
  private static INDArray l2Normalize(INDArray x) {
    double sumSquares = x.mul(x).sumNumber().doubleValue();
    return x.mul(1.0 / Math.sqrt(Math.max(sumSquares, 1e-14)));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return layer.computeOutputShape(inputShape);
  }

  /** As Keras: the wrapped weight (tracked by the wrapper too) under "0", {@code vector_u} under "1". */
  @Override
  public void saveOwnVariables(VariableStore store) {
    if (kernel == null) {
      return;
    }
    store.put("0", kernel.array());
    store.put("1", vectorU.array());
  }

  @Override
  public void loadOwnVariables(VariableStore store) {
    if (kernel == null) {
      return;
    }
    if (store.keys().size() != 2) {
      throw new ConfigException("Layer '" + name() + "' expected 2 variables, but received "
          + store.keys().size() + " variables during loading (at " + store.path() + ")");
    }
    kernel.assign(store.getChecked("0", kernel, "variable"));
    vectorU.assign(store.getChecked("1", vectorU, "variable"));
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("layer", Serialization.serialize(layer)).put("power_iterations", powerIterations);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code SpectralNormalization.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static SpectralNormalization fromConfig(Config c) {
    if (!c.isSet("layer")) {
      throw new ConfigException("SpectralNormalization config needs key 'layer'");
    }
    Layer inner = Serialization.deserialize(c.get("layer"), Layer.class);
    return new SpectralNormalization(inner, c.getInt("power_iterations", 1)).withBaseConfig(c);
  }
}

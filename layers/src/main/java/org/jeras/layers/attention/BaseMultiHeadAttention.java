package org.jeras.layers.attention;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.initializers.Initializer;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.HasWeightSpecs;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.WeightSpecs;
import org.jeras.core.ops.MathOps;
import org.jeras.core.regularizers.Regularizer;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.activations.Softmax;
import org.jeras.layers.core.Axes;
import org.jeras.layers.core.EinsumDense;
import org.jeras.layers.regularization.Dropout;

/**
 * What {@link MultiHeadAttention} and {@link GroupedQueryAttention} share: Keras's call signature
 * {@code (query, value, key=None, query_mask, value_mask, key_mask, attention_mask,
 * return_attention_scores, training, use_causal_mask)}, the {@link EinsumDense} projections
 * (configured alike from one set of kernel/bias settings), the combined attention mask, the two
 * softmax paths, the build config ({@code shapes_dict}) and the common config keys. Subclasses
 * create the projections for given shapes and compute the scores and the attended values.
 *
 * @param <L> the concrete layer type, returned by the setters
 */
public abstract class BaseMultiHeadAttention<L extends BaseMultiHeadAttention<L>> extends Layer
    implements HasWeightSpecs<L> {
  private static final String[] CALL_ARGS = {"query", "value", "key", "query_mask", "value_mask", "key_mask",
      "attention_mask", "return_attention_scores", "training", "use_causal_mask"};

  /** Keras's {@code dropout} of the attention distribution. */
  protected double dropout;
  /** Keras's {@code use_bias} of the projections. */
  protected boolean useBias = true;
  /** Keras's {@code use_gate}. */
  protected boolean useGate;
  /** Keras's {@code sliding_window}, or null. */
  protected Integer slidingWindow;
  /** Settings every projection's kernel and bias get. */
  private final WeightSpecs specs = new WeightSpecs("kernel", "glorot_uniform", "bias", "zeros");
  private Regularizer sublayerActivityRegularizer;
  private Long seed;

  /** The query projection. */
  protected EinsumDense queryDense;
  /** The key projection. */
  protected EinsumDense keyDense;
  /** The value projection. */
  protected EinsumDense valueDense;
  /** The gate projection, when {@code use_gate}. */
  protected EinsumDense gateDense;
  /** The output projection. */
  protected EinsumDense outputDense;
  private Softmax softmax;
  private Dropout dropoutLayer;

  /** An attention layer; masks propagate from the query to the output. */
  protected BaseMultiHeadAttention() {
    this.supportsMasking = true;
  }

  @SuppressWarnings("unchecked")
  private L self() {
    return (L) this;
  }

  /**
   * Sets the dropout rate of the attention distribution (Keras's {@code dropout}).
   *
   * @param rate the rate
   * @return this layer
   */
  public L dropout(double rate) {
    this.dropout = Args.fraction(className(), "dropout", rate);
    return self();
  }

  /**
   * Sets whether the projections add a bias (Keras's {@code use_bias}).
   *
   * @param useBias whether they do
   * @return this layer
   */
  public L useBias(boolean useBias) {
    this.useBias = useBias;
    return self();
  }

  /**
   * Gates the attention output by {@code sigmoid(gate projection of the query)} before the output
   * projection (Keras's {@code use_gate}).
   *
   * @param useGate whether to gate
   * @return this layer
   */
  public L useGate(boolean useGate) {
    this.useGate = useGate;
    return self();
  }

  /**
   * Restricts attention to positions closer than {@code window} (Keras's {@code sliding_window}).
   *
   * @param window the window size, or null for none
   * @return this layer
   */
  public L slidingWindow(Integer window) {
    this.slidingWindow = window == null ? null : Args.positive(className(), "sliding_window", window);
    return self();
  }

  /**
   * As in Keras, the activity regularizer applies to the outputs of every projection sublayer.
   *
   * @param r the regularizer, or null
   * @return this layer
   */
  public L projectionActivityRegularizer(Regularizer r) {
    this.sublayerActivityRegularizer = r;
    return self();
  }

  /**
   * Sets the dropout seed (Keras's {@code seed}).
   *
   * @param seed the seed, or null
   * @return this layer
   */
  public L seed(Long seed) {
    this.seed = seed;
    return self();
  }

  /** Kernel and bias settings, handed to every projection. */
  @Override
  public WeightSpecs weightSpecs() {
    return specs;
  }

  /** {@return the query projection} */
  public EinsumDense queryDense() {
    return queryDense;
  }

  /** {@return the key projection} */
  public EinsumDense keyDense() {
    return keyDense;
  }

  /** {@return the value projection} */
  public EinsumDense valueDense() {
    return valueDense;
  }

  /** {@return the output projection} */
  public EinsumDense outputDense() {
    return outputDense;
  }

  /** The query's mask goes to the attention output only, not to the scores. */
  @Override
  protected boolean masksOutput(int index) {
    return index == 0;
  }

  // ------------------------------------------------------------------ building

  /**
   * Creates the projections for inputs of these shapes; {@code keyShape} may be null (key = value).
   *
   * @param queryShape the query's shape
   * @param valueShape the value's shape
   * @param keyShape the key's shape, or null
   */
  public abstract void build(Shape queryShape, Shape valueShape, Shape keyShape);

  /**
   * A projection named {@code name}: this layer's dtype policy, its own copy of each initializer
   * (Keras clones them per sublayer), the regularizers, constraints and activity regularizer.
   *
   * @param d the projection
   * @param name its name
   * @return {@code d}
   */
  protected final EinsumDense sublayer(EinsumDense d, String name) {
    d.setName(name);
    d.setDtypePolicy(dtypePolicy());
    for (String p : specs.prefixes()) {
      WeightSpecs.Spec s = specs.get(p);
      Initializer copy = Serialization.deserialize(Serialization.serialize(s.initializer()), Initializer.class);
      d.initializer(p, copy).regularizer(p, s.regularizer()).constraint(p, s.constraint());
    }
    d.setActivityRegularizer(sublayerActivityRegularizer);
    return d;
  }

  /**
   * Tracks the softmax over {@code axes} of the scores and the dropout layer, under Keras's names.
   *
   * @param axes the softmax's axes
   */
  protected final void buildSoftmaxAndDropout(Axes axes) {
    softmax = track("_softmax", new Softmax(axes));
    softmax.setDtypePolicy(dtypePolicy());
    dropoutLayer = track("_dropout_layer", new Dropout(dropout, null, seed));
    dropoutLayer.setDtypePolicy(dtypePolicy());
  }

  @Override
  protected void buildFromCall(CallArgs args) {
    Tensor query = (Tensor) arg(args, 0);
    Tensor value = (Tensor) arg(args, 1);
    Tensor key = (Tensor) arg(args, 2);
    build(query.shape(), value.shape(), key == null ? null : key.shape());
    JsonObject shapes = new JsonObject();
    shapes.add("query_shape", Config.shapeJson(query.shape()));
    shapes.add("value_shape", Config.shapeJson(value.shape()));
    if (key != null) {
      shapes.add("key_shape", Config.shapeJson(key.shape()));
    }
    JsonObject bc = new JsonObject();
    bc.add("shapes_dict", shapes);
    markBuiltWithConfig(bc);
  }

  @Override
  protected void buildFromShapesDict(Config shapesDict) {
    Shape key = shapesDict.isSet("key_shape") ? shapesDict.getShape("key_shape") : null;
    build(shapesDict.getShape("query_shape"), shapesDict.getShape("value_shape"), key);
    JsonObject bc = new JsonObject();
    bc.add("shapes_dict", shapesDict.json());
    markBuiltWithConfig(bc);
  }

  // ------------------------------------------------------------------ calling

  /** One call's arguments, read from Keras's signature. */
  private record Call(Tensor query, Tensor value, Tensor explicitKey, CallContext context, boolean returnScores,
      boolean causal) {
    Tensor key() {
      return explicitKey == null ? value : explicitKey;
    }
  }

  /**
   * The scaled query-key scores of the projected {@code q} (batch, ..., heads, dim) and {@code k}.
   *
   * @param q the projected query
   * @param k the projected key
   * @return the scores, heads before the attention axes
   */
  protected abstract Tensor scores(Tensor q, Tensor k);

  /**
   * The attention-weighted values.
   *
   * @param weights the attention distribution (after dropout)
   * @param v the projected value
   * @return the attended values, shaped as the projected query
   */
  protected abstract Tensor attend(Tensor weights, Tensor v);

  /** {@return the number of attention axes (the score axes each softmax normalizes over)} */
  protected abstract int attentionAxisCount();

  /**
   * Whether the query's own Keras mask is used even when a {@code query_mask} is passed.
   *
   * @return true for MultiHeadAttention (Keras reads the query's mask), false to prefer the argument
   */
  protected abstract boolean queryMaskFromTensor();

  @Override
  protected List<Tensor> call(CallArgs args, CallContext ctx) {
    Object training = arg(args, 8);
    Call c = new Call((Tensor) arg(args, 0), (Tensor) arg(args, 1), (Tensor) arg(args, 2),
        training == null ? ctx : CallContext.of((Boolean) training), flag(args, 7), flag(args, 9));
    Tensor queryMask = queryMaskFromTensor() ? c.query().mask() : maskArgument(args, 3, c.query());
    Tensor mask = attentionMask(c.query(), c.value(), queryMask, maskArgument(args, 4, c.value()),
        maskArgument(args, 5, c.explicitKey()), (Tensor) arg(args, 6), c.causal());

    Tensor gate = useGate ? project(gateDense, c.query(), c.context()) : null;
    Tensor q = project(queryDense, c.query(), c.context());
    Tensor k = project(keyDense, c.key(), c.context());
    Tensor v = project(valueDense, c.value(), c.context());
    Tensor scores = scores(q, k);
    // Keras computes attention with ops.dot_product_attention unless it has dropout, returns the
    // scores or attends over more than one axis; that op leaves fully masked rows uniform, while the
    // masked softmax of the other path zeroes them.
    boolean fused = dropout <= 0 && !c.returnScores() && c.query().rank() == 3;
    int maskAxis = -attentionAxisCount() * 2 - 1;
    scores = fused ? softmax.apply(CallArgs.of(AttentionMasks.fillMasked(scores, mask, maskAxis)), c.context()).get(0)
        : maskedSoftmax(scores, mask, maskAxis, c.context());
    Tensor applied = dropout > 0 ? dropoutLayer.apply(CallArgs.of(scores), c.context()).get(0) : scores;
    Tensor attended = attend(applied, v);
    if (gate != null) {
      attended = MathOps.mul(attended, gate);
    }
    Tensor output = outputDense.apply(CallArgs.of(attended), c.context()).get(0);
    return c.returnScores() ? List.of(output, scores) : List.of(output);
  }

  private static Tensor project(EinsumDense d, Tensor x, CallContext context) {
    return d.apply(CallArgs.of(x.withMask(null)), context).get(0);
  }

  private Tensor maskedSoftmax(Tensor scores, Tensor mask, int axis, CallContext context) {
    if (mask == null) {
      return softmax.apply(CallArgs.of(scores), context).get(0);
    }
    // Masks are (batch, Tq, Tv); the scores have the heads (and other batch-like dims) before those.
    while (mask.rank() < scores.rank()) {
      mask = AttentionMasks.expand(mask, axis);
    }
    return softmax.apply(CallArgs.of(List.of(scores), Map.of("mask", mask)), context).get(0);
  }

  /** Call argument {@code position} of Keras's signature, given positionally or by keyword; null when absent. */
  private static Object arg(CallArgs args, int position) {
    if (args.args().size() > position) {
      return args.args().get(position);
    }
    return args.kwargs().get(CALL_ARGS[position]);
  }

  private static boolean flag(CallArgs args, int position) {
    Object o = arg(args, position);
    return o != null && (Boolean) o;
  }

  /** Mask argument {@code position}, else the Keras mask of {@code tensor} (null when the tensor is absent). */
  private static Tensor maskArgument(CallArgs args, int position, Tensor tensor) {
    Tensor given = (Tensor) arg(args, position);
    return given != null ? given : tensor == null ? null : tensor.mask();
  }

  /**
   * Keras's {@code _compute_attention_mask}: query mask as {@code (B, T, 1)}, value and key masks
   * as {@code (B, 1, S)}, the causal and sliding-window masks as {@code (1, T, S)} and the explicit
   * attention mask, combined with a logical and; null when there is none.
   */
  private Tensor attentionMask(Tensor query, Tensor value, Tensor queryMask, Tensor valueMask, Tensor keyMask,
      Tensor attentionMask, boolean causal) {
    Tensor auto = null;
    if (queryMask != null) {
      auto = AttentionMasks.and(auto, AttentionMasks.expand(AttentionMasks.bool(queryMask), -1));
    }
    if (valueMask != null) {
      auto = AttentionMasks.and(auto, AttentionMasks.expand(AttentionMasks.bool(valueMask), -2));
    }
    if (keyMask != null) {
      auto = AttentionMasks.and(auto, AttentionMasks.expand(AttentionMasks.bool(keyMask), -2));
    }
    long t = query.shape().get(1);
    long s = value.shape().get(1);
    if (causal) {
      auto = AttentionMasks.and(auto, AttentionMasks.causal(t, s));
    }
    if (slidingWindow != null) {
      auto = AttentionMasks.and(auto, AttentionMasks.band(t, s, slidingWindow));
    }
    return attentionMask == null ? auto : AttentionMasks.and(auto, AttentionMasks.bool(attentionMask));
  }

  // ------------------------------------------------------------------ config

  /**
   * Writes the config keys that follow the subclass's own, in Keras's order: initializers,
   * regularizers, the projections' activity regularizer, constraints and the seed.
   *
   * @param c the config so far
   * @return {@code c}
   */
  protected final Config putWeightSettings(Config c) {
    specs.putInitializers(c);
    specs.putRegularizers(c).put("activity_regularizer", Serialization.serialize(sublayerActivityRegularizer));
    return specs.putConstraints(c).put("seed", seed == null ? null : seed.intValue());
  }

  /**
   * The base config without {@code activity_regularizer}, which belongs to the projections and is
   * written by {@link #putWeightSettings} in Keras's place.
   *
   * @return the config to extend
   */
  protected final Config baseConfig() {
    Config c = super.getConfig();
    c.remove("activity_regularizer");
    return c;
  }

  /**
   * Reads the keys this class writes (dropout, use_bias, use_gate, sliding_window, the weight
   * settings, seed) and the base layer config.
   *
   * @param c the layer's config
   * @return this layer
   */
  protected final L readCommon(Config c) {
    dropout(c.getDouble("dropout", 0.0));
    useBias = c.getBoolean("use_bias", true);
    useGate = c.getBoolean("use_gate", false);
    slidingWindow(c.getIntOrNull("sliding_window"));
    specs.read(c);
    sublayerActivityRegularizer = Serialization.deserialize(c.getOrNull("activity_regularizer"), Regularizer.class);
    seed = c.getLongOrNull("seed");
    // The activity regularizer belongs to the projections, not to this layer's own output.
    return withBaseConfig(c.copy().remove("activity_regularizer"));
  }
}

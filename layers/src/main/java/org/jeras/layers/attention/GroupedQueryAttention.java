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
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.EinsumOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.regularizers.Regularizer;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.activations.Softmax;
import org.jeras.layers.core.Axes;
import org.jeras.layers.core.EinsumDense;
import org.jeras.layers.regularization.Dropout;

/**
 * Grouped-query attention (Keras's {@code GroupedQueryAttention}, saved as {@code GroupQueryAttention}):
 * {@code num_query_heads} query heads share {@code num_key_value_heads} key/value heads, each key
 * and value head repeated for {@code num_query_heads / num_key_value_heads} query heads. Inputs are
 * {@code (batch, seq, features)}; the output has the query's shape. Sublayers are tracked under
 * Keras's attribute names ({@code _query_dense}, {@code _key_dense}, {@code _value_dense},
 * {@code _gate_dense}, {@code _output_dense}, {@code _softmax}, {@code _dropout_layer}).
 *
 * <p>Called as Keras calls it: {@code (query, value, key=None, query_mask, value_mask, key_mask,
 * attention_mask, return_attention_scores, training, use_causal_mask)}. Masks combine as in
 * {@link MultiHeadAttention}. Keras's {@code flash_attention} changes only how the same math runs,
 * so it is ignored.
 */
public class GroupedQueryAttention extends Layer implements HasWeightSpecs<GroupedQueryAttention> {
  private static final String[] CALL_ARGS = {"query", "value", "key", "query_mask", "value_mask", "key_mask",
      "attention_mask", "return_attention_scores", "training", "use_causal_mask"};

  private final int headDim;
  private final int numQueryHeads;
  private final int numKeyValueHeads;
  private double dropout;
  private boolean useBias = true;
  private boolean useGate;
  private Integer slidingWindow;
  private final WeightSpecs specs = new WeightSpecs("kernel", "glorot_uniform", "bias", "zeros");
  private Regularizer sublayerActivityRegularizer;
  private Long seed;

  private EinsumDense queryDense;
  private EinsumDense keyDense;
  private EinsumDense valueDense;
  private EinsumDense gateDense;
  private EinsumDense outputDense;
  private Softmax softmax;
  private Dropout dropoutLayer;

  /**
   * Keras's {@code GroupedQueryAttention(head_dim, num_query_heads, num_key_value_heads)}.
   *
   * @param headDim the size of each head
   * @param numQueryHeads the number of query heads
   * @param numKeyValueHeads the number of key and value heads; must divide {@code numQueryHeads}
   */
  public GroupedQueryAttention(int headDim, int numQueryHeads, int numKeyValueHeads) {
    this.headDim = Args.positive(className(), "head_dim", headDim);
    this.numQueryHeads = Args.positive(className(), "num_query_heads", numQueryHeads);
    this.numKeyValueHeads = Args.positive(className(), "num_key_value_heads", numKeyValueHeads);
    if (numQueryHeads % numKeyValueHeads != 0) {
      throw Args.invalid(className(), "num_query_heads", "a multiple of num_key_value_heads (" + numKeyValueHeads
          + ")", numQueryHeads);
    }
    this.supportsMasking = true;
  }

  /**
   * Sets the dropout rate of the attention distribution (Keras's {@code dropout}).
   *
   * @param rate the rate
   * @return this layer
   */
  public GroupedQueryAttention dropout(double rate) {
    this.dropout = Args.fraction(className(), "dropout", rate);
    return this;
  }

  /**
   * Sets whether the projections add a bias (Keras's {@code use_bias}).
   *
   * @param v whether they do
   * @return this layer
   */
  public GroupedQueryAttention useBias(boolean v) {
    this.useBias = v;
    return this;
  }

  /**
   * Gates the attention output by {@code sigmoid(gate projection of the query)} (Keras's {@code use_gate}).
   *
   * @param v whether to gate
   * @return this layer
   */
  public GroupedQueryAttention useGate(boolean v) {
    this.useGate = v;
    return this;
  }

  /**
   * Restricts attention to positions closer than {@code window} (Keras's {@code sliding_window}).
   *
   * @param window the window size, or null for none
   * @return this layer
   */
  public GroupedQueryAttention slidingWindow(Integer window) {
    this.slidingWindow = window == null ? null : Args.positive(className(), "sliding_window", window);
    return this;
  }

  /**
   * Sets the dropout seed (Keras's {@code seed}).
   *
   * @param s the seed, or null
   * @return this layer
   */
  public GroupedQueryAttention seed(Long s) {
    this.seed = s;
    return this;
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

  /** Keras exports this class as {@code GroupQueryAttention}, the class name its files carry. */
  @Override
  public String className() {
    return "GroupQueryAttention";
  }

  /** Default names and weight paths follow the Python class: {@code grouped_query_attention}. */
  @Override
  public String pythonClassName() {
    return "GroupedQueryAttention";
  }

  /** The query's mask goes to the attention output only, not to the scores. */
  @Override
  protected boolean masksOutput(int index) {
    return index == 0;
  }

  /**
   * Creates the projections for inputs of these shapes; {@code keyShape} may be null (key = value).
   *
   * @param queryShape the query's shape {@code (batch, Tq, features)}
   * @param valueShape the value's shape {@code (batch, Tv, dim)}
   * @param keyShape the key's shape, or null
   */
  public void build(Shape queryShape, Shape valueShape, Shape keyShape) {
    Shape key = keyShape == null ? valueShape : keyShape;
    for (Shape s : new Shape[] {queryShape, valueShape, key}) {
      if (s.rank() != 3) {
        throw new IllegalArgumentException("Layer '" + name() + "' (GroupedQueryAttention) takes inputs of rank 3"
            + " (batch, sequence, features), got shape " + s);
      }
    }
    if (valueShape.get(1) != key.get(1)) {
      throw new IllegalArgumentException("All dimensions of `value` and `key`, except the last one, must be equal."
          + " Received: value_shape=" + valueShape + " and key_shape=" + key);
    }
    long featureDim = queryShape.get(-1);
    queryDense = track("_query_dense", projection("bqm,muh->bquh", numQueryHeads, "uh", "query"));
    queryDense.build(queryShape, true);
    keyDense = track("_key_dense", projection("bkm,mvh->bkvh", numKeyValueHeads, "vh", "key"));
    keyDense.build(key, true);
    if (useGate) {
      gateDense = track("_gate_dense", projection("bqm,muh->bquh", numQueryHeads, "uh", "gate"));
      gateDense.activation("sigmoid");
      gateDense.build(queryShape, true);
    }
    valueDense = track("_value_dense", projection("bkm,mvh->bkvh", numKeyValueHeads, "vh", "value"));
    valueDense.build(valueShape, true);
    softmax = track("_softmax", new Softmax(Axes.of(-1)));
    softmax.setDtypePolicy(dtypePolicy());
    dropoutLayer = track("_dropout_layer", new Dropout(dropout, null, seed));
    dropoutLayer.setDtypePolicy(dtypePolicy());
    outputDense = track("_output_dense", sublayer(new EinsumDense("bquh,uhm->bqm", Shape.of(Shape.UNKNOWN, featureDim),
        useBias ? "m" : null), "attention_output"));
    outputDense.build(Shape.of(Shape.UNKNOWN, Shape.UNKNOWN, numQueryHeads, headDim), true);
  }

  private EinsumDense projection(String equation, int heads, String biasAxes, String name) {
    return sublayer(new EinsumDense(equation, Shape.of(Shape.UNKNOWN, heads, headDim), useBias ? biasAxes : null), name);
  }

  private EinsumDense sublayer(EinsumDense d, String name) {
    d.setName(name);
    d.setDtypePolicy(dtypePolicy());
    // Each projection gets its own copy of the initializers, as Keras clones them per sublayer.
    for (String p : specs.prefixes()) {
      WeightSpecs.Spec s = specs.get(p);
      Initializer copy = Serialization.deserialize(Serialization.serialize(s.initializer()), Initializer.class);
      d.initializer(p, copy).regularizer(p, s.regularizer()).constraint(p, s.constraint());
    }
    d.setActivityRegularizer(sublayerActivityRegularizer);
    return d;
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

  /** Mask argument {@code position}, else the Keras mask of {@code tensor} (as Keras's {@code __call__} fills it). */
  private static Tensor maskArgument(CallArgs args, int position, Tensor tensor) {
    Tensor given = (Tensor) arg(args, position);
    return given != null ? given : tensor == null ? null : tensor.mask();
  }

  @Override
  protected List<Tensor> call(CallArgs args, CallContext ctx) {
    Tensor query = (Tensor) arg(args, 0);
    Tensor value = (Tensor) arg(args, 1);
    Tensor explicitKey = (Tensor) arg(args, 2);
    Tensor key = explicitKey == null ? value : explicitKey;
    Object training = arg(args, 8);
    CallContext context = training == null ? ctx : CallContext.of((Boolean) training);
    boolean returnScores = flag(args, 7);
    Tensor mask = attentionMask(query, value, maskArgument(args, 3, query), maskArgument(args, 4, value),
        maskArgument(args, 5, explicitKey), (Tensor) arg(args, 6), flag(args, 9));

    Tensor gate = useGate ? gateDense.apply(CallArgs.of(query.withMask(null)), context).get(0) : null;
    Tensor q = queryDense.apply(CallArgs.of(query.withMask(null)), context).get(0);
    Tensor k = keyDense.apply(CallArgs.of(key.withMask(null)), context).get(0);
    Tensor v = valueDense.apply(CallArgs.of(value.withMask(null)), context).get(0);
    int repeats = numQueryHeads / numKeyValueHeads;
    if (repeats > 1) {
      k = ArrayOps.repeat(k, repeats, 2);
      v = ArrayOps.repeat(v, repeats, 2);
    }
    q = MathOps.mul(q, 1.0 / Math.sqrt(headDim));
    Tensor scores = EinsumOps.einsum("bquh,bkuh->buqk", q, k);
    // Keras uses ops.dot_product_attention (fully masked rows attend uniformly) unless it has
    // dropout or returns the scores (then its masked softmax zeroes those rows).
    boolean fused = dropout <= 0 && !returnScores;
    if (fused) {
      scores = softmax.apply(CallArgs.of(AttentionMasks.fillMasked(scores, mask, -3)), context).get(0);
    } else if (mask != null) {
      Tensor m = mask;
      while (m.rank() < scores.rank()) {
        m = AttentionMasks.expand(m, -3);
      }
      scores = softmax.apply(CallArgs.of(List.of(scores), Map.of("mask", m)), context).get(0);
    } else {
      scores = softmax.apply(CallArgs.of(scores), context).get(0);
    }
    Tensor applied = dropout > 0 ? dropoutLayer.apply(CallArgs.of(scores), context).get(0) : scores;
    Tensor attended = EinsumOps.einsum("buqk,bkuh->bquh", applied, v);
    if (gate != null) {
      attended = MathOps.mul(attended, gate);
    }
    Tensor output = outputDense.apply(CallArgs.of(attended), context).get(0);
    return returnScores ? List.of(output, scores) : List.of(output);
  }

  /** Keras's {@code _compute_attention_mask} with the causal mask folded in; null when there is none. */
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

  @Override
  public Config getConfig() {
    Config c = super.getConfig();
    c.remove("activity_regularizer");
    c.put("head_dim", headDim)
        .put("num_query_heads", numQueryHeads)
        .put("num_key_value_heads", numKeyValueHeads)
        .put("use_bias", useBias)
        .put("use_gate", useGate)
        .put("sliding_window", slidingWindow)
        .put("dropout", dropout);
    specs.putInitializers(c);
    specs.putRegularizers(c).put("activity_regularizer", Serialization.serialize(sublayerActivityRegularizer));
    return specs.putConstraints(c).put("seed", seed == null ? null : seed.intValue());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code GroupedQueryAttention.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static GroupedQueryAttention fromConfig(Config c) {
    GroupedQueryAttention g = new GroupedQueryAttention(c.getInt("head_dim"), c.getInt("num_query_heads"),
        c.getInt("num_key_value_heads"));
    g.dropout(c.getDouble("dropout", 0.0));
    g.useBias = c.getBoolean("use_bias", true);
    g.useGate = c.getBoolean("use_gate", false);
    g.slidingWindow(c.getIntOrNull("sliding_window"));
    // Keras's flash_attention picks a kernel for the same math; it is read and ignored.
    c.getOrNull("flash_attention");
    g.specs.read(c);
    g.sublayerActivityRegularizer = Serialization.deserialize(c.getOrNull("activity_regularizer"), Regularizer.class);
    g.seed = c.getLongOrNull("seed");
    // The activity regularizer belongs to the projections, not to this layer's own output.
    return g.withBaseConfig(c.copy().remove("activity_regularizer"));
  }
}

package org.jeras.layers.attention;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Multi-head scaled dot-product attention (Keras's {@code MultiHeadAttention}). Query, key and
 * value are projected per head by {@link EinsumDense} sublayers (tracked as {@code query_dense},
 * {@code key_dense}, {@code value_dense}, {@code output_dense}, with {@code _softmax} and
 * {@code _dropout_layer}, the attribute names Keras saves them under), attention runs over
 * {@code attentionAxes}, and the heads are projected back to the query's width (or
 * {@code outputShape}).
 *
 * <p>Called as Keras calls it: {@code (query, value, key=None, query_mask, value_mask, key_mask,
 * attention_mask, return_attention_scores, training, use_causal_mask)}, positionally or by keyword.
 * The Keras masks of query, value and key, the causal mask, the sliding window and an explicit
 * {@code attention_mask} are combined with a logical and. With {@code return_attention_scores}
 * the layer has two outputs, the second being the scores {@code (batch, heads, Tq, Tv)}.
 */
public class MultiHeadAttention extends Layer implements HasWeightSpecs<MultiHeadAttention> {
  private static final String[] CALL_ARGS = {"query", "value", "key", "query_mask", "value_mask", "key_mask",
      "attention_mask", "return_attention_scores", "training", "use_causal_mask"};

  private final int numHeads;
  private final int keyDim;
  private int valueDim;
  private double dropout;
  private boolean useBias = true;
  private boolean useGate;
  private long[] outputShape;
  private int[] attentionAxes;
  private Integer slidingWindow;
  /** Settings every projection's kernel and bias get. */
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
  private String dotProductEquation;
  private String combineEquation;

  /**
   * Keras's {@code MultiHeadAttention(num_heads, key_dim)}; other arguments through the setters.
   *
   * @param numHeads the number of attention heads
   * @param keyDim the size of each head for query and key
   */
  public MultiHeadAttention(int numHeads, int keyDim) {
    this.numHeads = Args.positive(className(), "num_heads", numHeads);
    this.keyDim = Args.positive(className(), "key_dim", keyDim);
    this.valueDim = keyDim;
    this.supportsMasking = true;
  }

  /** The query's mask goes to the attention output only, not to the scores. */
  @Override
  protected boolean masksOutput(int index) {
    return index == 0;
  }

  /**
   * The per-head width of the value projection (default: {@code key_dim}).
   *
   * @param valueDim the per-head width of the value projection (default: {@code key_dim})
   * @return this
   */
  public MultiHeadAttention valueDim(int valueDim) {
    this.valueDim = Args.positive(className(), "value_dim", valueDim);
    return this;
  }

  /**
   * Sets the dropout rate of the attention distribution (Keras's {@code dropout}).
   *
   * @param rate the rate
   * @return this layer
   */
  public MultiHeadAttention dropout(double rate) {
    this.dropout = Args.fraction(className(), "dropout", rate);
    return this;
  }

  /**
   * Sets whether the projections add a bias (Keras's {@code use_bias}).
   *
   * @param useBias whether they do
   * @return this layer
   */
  public MultiHeadAttention useBias(boolean useBias) {
    this.useBias = useBias;
    return this;
  }

  /**
   * Gates the attention output by {@code sigmoid(gate projection of the query)} before the output projection.
   *
   * @param useGate whether to gate
   * @return this layer
   */
  public MultiHeadAttention useGate(boolean useGate) {
    this.useGate = useGate;
    return this;
  }

  /**
   * The output's last dims (default: the query's last dim).
   *
   * @param outputShape the output's last dims (default: the query's last dim)
   * @return this
   */
  public MultiHeadAttention outputShape(long... outputShape) {
    this.outputShape = outputShape == null ? null : outputShape.clone();
    return this;
  }

  /**
   * The axes attention runs over (default: all but batch, heads and features).
   *
   * @param axes the axes attention runs over (default: all but batch, heads and features)
   * @return this
   */
  public MultiHeadAttention attentionAxes(int... axes) {
    this.attentionAxes = axes == null ? null : axes.clone();
    return this;
  }

  /**
   * Restricts attention to positions closer than {@code window}.
   *
   * @param window the window size, or null for none
   * @return this layer
   */
  public MultiHeadAttention slidingWindow(Integer window) {
    this.slidingWindow = window == null ? null : Args.positive(className(), "sliding_window", window);
    return this;
  }

  /** Kernel and bias settings, handed to every projection. */
  @Override
  public WeightSpecs weightSpecs() {
    return specs;
  }

  /**
   * As in Keras, the activity regularizer applies to the outputs of every projection sublayer.
   *
   * @param r the regularizer, or null
   * @return this layer
   */
  public MultiHeadAttention projectionActivityRegularizer(Regularizer r) {
    this.sublayerActivityRegularizer = r;
    return this;
  }

  /**
   * Sets the dropout seed.
   *
   * @param seed the seed, or null
   * @return this layer
   */
  public MultiHeadAttention seed(Long seed) {
    this.seed = seed;
    return this;
  }

  /** {@return the query projection (Keras's {@code query_dense})} */
  public EinsumDense queryDense() {
    return queryDense;
  }

  /** {@return the key projection (Keras's {@code key_dense})} */
  public EinsumDense keyDense() {
    return keyDense;
  }

  /** {@return the value projection (Keras's {@code value_dense})} */
  public EinsumDense valueDense() {
    return valueDense;
  }

  /** {@return the output projection (Keras's {@code output_dense})} */
  public EinsumDense outputDense() {
    return outputDense;
  }

  // ------------------------------------------------------------------ building

  /**
   * Creates the projections for inputs of these shapes; {@code keyShape} may be null (key = value).
   *
   * @param queryShape the query's shape
   * @param valueShape the value's shape
   * @param keyShape the key's shape, or null
   */
  public void build(Shape queryShape, Shape valueShape, Shape keyShape) {
    Shape key = keyShape == null ? valueShape : keyShape;
    if (!middle(valueShape).equals(middle(key))) {
      throw new IllegalArgumentException("All dimensions of `value` and `key`, except the last one, must be equal."
          + " Received: value_shape=" + valueShape + " and key_shape=" + key);
    }
    queryDense = track("query_dense", projection(queryShape.rank() - 1, 1, keyDim, "query", null));
    queryDense.build(queryShape, true);
    keyDense = track("key_dense", projection(key.rank() - 1, 1, keyDim, "key", null));
    keyDense.build(key, true);
    if (useGate) {
      gateDense = track("_gate_dense", projection(queryShape.rank() - 1, 1, valueDim, "gate", null));
      gateDense.activation("sigmoid");
      gateDense.build(queryShape, true);
    }
    valueDense = track("value_dense", projection(valueShape.rank() - 1, 1, valueDim, "value", null));
    valueDense.build(valueShape, true);
    buildAttention(valueShape.rank() + 1);
    long[] outDims = outputShape != null ? outputShape : new long[] {queryShape.get(-1)};
    outputDense = track("output_dense", projection(queryShape.rank() - 1, 2, 0, "attention_output", outDims));
    Shape projected = queryDense.computeOutputShape(queryShape);
    outputDense.build(projected.with(projected.rank() - 1, valueDim), true);
  }

  private static Shape middle(Shape s) {
    long[] d = s.dims();
    return Shape.of(Arrays.copyOfRange(d, 1, d.length - 1));
  }

  /**
   * Keras's {@code _build_proj_equation}: {@code freeDims} kept axes, {@code boundDims} contracted
   * ones and the new axes {@code (numHeads, width)} or {@code outDims}, with a bias over the new axes.
   */
  private EinsumDense projection(int freeDims, int boundDims, int width, String name, long[] outDims) {
    long[] produced = outDims != null ? outDims : new long[] {numHeads, width};
    StringBuilder in = new StringBuilder();
    StringBuilder kernel = new StringBuilder();
    StringBuilder out = new StringBuilder();
    StringBuilder bias = new StringBuilder();
    char c = 'a';
    for (int i = 0; i < freeDims; i++, c++) {
      in.append(c);
      out.append(c);
    }
    for (int i = 0; i < boundDims; i++, c++) {
      in.append(c);
      kernel.append(c);
    }
    for (int i = 0; i < produced.length; i++, c++) {
      kernel.append(c);
      out.append(c);
      bias.append(c);
    }
    long[] partial = new long[out.length() - 1];
    Arrays.fill(partial, Shape.UNKNOWN);
    System.arraycopy(produced, 0, partial, partial.length - produced.length, produced.length);
    EinsumDense d = new EinsumDense(in + "," + kernel + "->" + out, Shape.of(partial), useBias ? bias.toString() : null);
    d.setName(name);
    d.setDtypePolicy(dtypePolicy());
    // Each projection gets its own copy of the initializers, as Keras clones them per sublayer.
    for (String p : specs.prefixes()) {
      WeightSpecs.Spec s = specs.get(p);
      d.initializer(p, clone(s.initializer())).regularizer(p, s.regularizer()).constraint(p, s.constraint());
    }
    d.setActivityRegularizer(sublayerActivityRegularizer);
    return d;
  }

  private static Initializer clone(Initializer i) {
    return Serialization.deserialize(Serialization.serialize(i), Initializer.class);
  }

  /** Keras's {@code _build_attention}: the einsum equations and the softmax over the attention axes. */
  private void buildAttention(int rank) {
    if (attentionAxes == null) {
      attentionAxes = new int[rank - 3];
      for (int i = 0; i < attentionAxes.length; i++) {
        attentionAxes[i] = i + 1;
      }
    } else {
      for (int i = 0; i < attentionAxes.length; i++) {
        attentionAxes[i] = attentionAxes[i] >= 0 ? attentionAxes[i] : rank - 1 + attentionAxes[i];
      }
    }
    // Projected tensors are (batch, <other dims>, <attention dims>, heads, channels).
    StringBuilder target = new StringBuilder();
    for (int i = 0; i < rank; i++) {
      target.append((char) ('a' + i));
    }
    List<Integer> batchDims = new ArrayList<>();
    for (int i = 0; i < rank - 1; i++) {
      if (!contains(attentionAxes, i)) {
        batchDims.add(i);
      }
    }
    StringBuilder source = new StringBuilder();
    char next = (char) ('a' + rank);
    for (int i = 0; i < rank; i++) {
      source.append(batchDims.contains(i) || i == rank - 1 ? target.charAt(i) : next++);
    }
    StringBuilder product = new StringBuilder();
    batchDims.forEach(i -> product.append(target.charAt(i)));
    for (int a : attentionAxes) {
      product.append(target.charAt(a));
    }
    for (int a : attentionAxes) {
      product.append(source.charAt(a));
    }
    dotProductEquation = source + "," + target + "->" + product;
    combineEquation = product + "," + source + "->" + target;
    int scoresRank = product.length();
    int[] normAxes = new int[attentionAxes.length];
    for (int i = 0; i < normAxes.length; i++) {
      normAxes[i] = scoresRank - attentionAxes.length + i;
    }
    softmax = track("_softmax", new Softmax(Axes.list(normAxes)));
    softmax.setDtypePolicy(dtypePolicy());
    dropoutLayer = track("_dropout_layer", new Dropout(dropout, null, seed));
    dropoutLayer.setDtypePolicy(dtypePolicy());
  }

  private static boolean contains(int[] values, int v) {
    for (int x : values) {
      if (x == v) {
        return true;
      }
    }
    return false;
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

  @Override
  protected List<Tensor> call(CallArgs args, CallContext ctx) {
    Tensor query = (Tensor) arg(args, 0);
    Tensor value = (Tensor) arg(args, 1);
    Tensor explicitKey = (Tensor) arg(args, 2);
    Tensor key = explicitKey == null ? value : explicitKey;
    Object training = arg(args, 8);
    CallContext context = training == null ? ctx : CallContext.of((Boolean) training);
    boolean returnScores = flag(args, 7);
    boolean causal = flag(args, 9);

    // As Keras: the query's own Keras mask wins; value and key masks default to their tensors' masks.
    Tensor valueMask = maskArgument(args, 4, value);
    Tensor keyMask = maskArgument(args, 5, explicitKey);
    Tensor mask = attentionMask(query, value, query.mask(), valueMask, keyMask, (Tensor) arg(args, 6), causal);

    Tensor gate = useGate ? gateDense.apply(CallArgs.of(query.withMask(null)), context).get(0) : null;
    Tensor q = queryDense.apply(CallArgs.of(query.withMask(null)), context).get(0);
    Tensor k = keyDense.apply(CallArgs.of(key.withMask(null)), context).get(0);
    Tensor v = valueDense.apply(CallArgs.of(value.withMask(null)), context).get(0);

    q = MathOps.mul(q, 1.0 / Math.sqrt(keyDim));
    Tensor scores = EinsumOps.einsum(dotProductEquation, k, q);
    // Keras computes attention with ops.dot_product_attention unless it has dropout, returns the
    // scores or attends over more than one axis; that op leaves fully masked rows uniform, while the
    // masked softmax of the other path zeroes them.
    boolean fused = dropout <= 0 && !returnScores && query.rank() == 3;
    scores = fused ? dotProductSoftmax(scores, mask, context) : maskedSoftmax(scores, mask, context);
    Tensor applied = dropout > 0 ? dropoutLayer.apply(CallArgs.of(scores), context).get(0) : scores;
    Tensor attended = EinsumOps.einsum(combineEquation, applied, v);
    if (gate != null) {
      attended = MathOps.mul(attended, gate);
    }
    Tensor output = outputDense.apply(CallArgs.of(attended), context).get(0);
    return returnScores ? List.of(output, scores) : List.of(output);
  }

  /** Mask argument {@code position}, else the Keras mask of {@code tensor} (null when the tensor is absent). */
  private static Tensor maskArgument(CallArgs args, int position, Tensor tensor) {
    Tensor given = (Tensor) arg(args, position);
    return given != null ? given : tensor == null ? null : tensor.mask();
  }

  /** The softmax of Keras's {@code ops.dot_product_attention} ({@link AttentionMasks#fillMasked}). */
  private Tensor dotProductSoftmax(Tensor scores, Tensor mask, CallContext context) {
    Tensor filled = AttentionMasks.fillMasked(scores, mask, -attentionAxes.length * 2 - 1);
    return softmax.apply(CallArgs.of(filled), context).get(0);
  }

  private Tensor maskedSoftmax(Tensor scores, Tensor mask, CallContext context) {
    if (mask == null) {
      return softmax.apply(CallArgs.of(scores), context).get(0);
    }
    // Masks are (batch, Tq, Tv); the scores have the heads (and other batch-like dims) before those.
    int axis = -attentionAxes.length * 2 - 1;
    while (mask.rank() < scores.rank()) {
      mask = AttentionMasks.expand(mask, axis);
    }
    CallArgs call = CallArgs.of(List.of(scores), Map.of("mask", mask));
    return softmax.apply(call, context).get(0);
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

  @Override
  public Config getConfig() {
    Config c = super.getConfig();
    c.remove("activity_regularizer");
    c.put("num_heads", numHeads)
        .put("key_dim", keyDim)
        .put("value_dim", valueDim)
        .put("dropout", dropout)
        .put("use_bias", useBias)
        .put("use_gate", useGate)
        .put("output_shape", longs(outputShape))
        .put("attention_axes", ints(attentionAxes))
        .put("sliding_window", slidingWindow);
    specs.putInitializers(c);
    specs.putRegularizers(c).put("activity_regularizer", Serialization.serialize(sublayerActivityRegularizer));
    return specs.putConstraints(c).put("seed", seed == null ? null : seed.intValue());
  }

  private static JsonElement longs(long[] v) {
    if (v == null) {
      return JsonNull.INSTANCE;
    }
    JsonArray a = new JsonArray();
    for (long x : v) {
      a.add(x);
    }
    return a;
  }

  private static JsonElement ints(int[] v) {
    if (v == null) {
      return JsonNull.INSTANCE;
    }
    JsonArray a = new JsonArray();
    for (int x : v) {
      a.add(x);
    }
    return a;
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code MultiHeadAttention.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static MultiHeadAttention fromConfig(Config c) {
    MultiHeadAttention m = new MultiHeadAttention(c.getInt("num_heads"), c.getInt("key_dim"));
    if (c.isSet("value_dim")) {
      m.valueDim(c.getInt("value_dim"));
    }
    m.dropout(c.getDouble("dropout", 0.0));
    m.useBias = c.getBoolean("use_bias", true);
    m.useGate = c.getBoolean("use_gate", false);
    if (c.isSet("output_shape")) {
      JsonElement os = c.get("output_shape");
      m.outputShape = os.isJsonPrimitive() ? new long[] {Config.toLong("output_shape", os)}
          : Arrays.stream(c.getInts("output_shape")).asLongStream().toArray();
      for (long d : m.outputShape) {
        Args.positive(m.className(), "output_shape", d);
      }
    }
    if (c.isSet("attention_axes")) {
      m.attentionAxes = Axes.read(c, "attention_axes", null).values();
    }
    m.slidingWindow(c.getIntOrNull("sliding_window"));
    m.specs.read(c);
    m.sublayerActivityRegularizer = Serialization.deserialize(c.getOrNull("activity_regularizer"), Regularizer.class);
    m.seed = c.getLongOrNull("seed");
    // The activity regularizer belongs to the projections, not to this layer's own output.
    return m.withBaseConfig(c.copy().remove("activity_regularizer"));
  }
}

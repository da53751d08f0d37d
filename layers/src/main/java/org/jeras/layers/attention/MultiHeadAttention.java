package org.jeras.layers.attention;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.layer.Args;
import org.jeras.core.ops.EinsumOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.core.Axes;
import org.jeras.layers.core.EinsumDense;

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
public class MultiHeadAttention extends BaseMultiHeadAttention<MultiHeadAttention> {
  private final int numHeads;
  private final int keyDim;
  private int valueDim;
  private long[] outputShape;
  private int[] attentionAxes;
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

  // ------------------------------------------------------------------ building

  @Override
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
    return sublayer(new EinsumDense(in + "," + kernel + "->" + out, Shape.of(partial), useBias ? bias.toString() : null),
        name);
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
    buildSoftmaxAndDropout(Axes.list(normAxes));
  }

  private static boolean contains(int[] values, int v) {
    for (int x : values) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ calling

  @Override
  protected Tensor scores(Tensor q, Tensor k) {
    return EinsumOps.einsum(dotProductEquation, k, MathOps.mul(q, 1.0 / Math.sqrt(keyDim)));
  }

  @Override
  protected Tensor attend(Tensor weights, Tensor v) {
    return EinsumOps.einsum(combineEquation, weights, v);
  }

  @Override
  protected int attentionAxisCount() {
    return attentionAxes.length;
  }

  /** As Keras: the query's own Keras mask wins over a {@code query_mask} argument. */
  @Override
  protected boolean queryMaskFromTensor() {
    return true;
  }

  // ------------------------------------------------------------------ config

  @Override
  public Config getConfig() {
    Config c = baseConfig();
    c.put("num_heads", numHeads)
        .put("key_dim", keyDim)
        .put("value_dim", valueDim)
        .put("dropout", dropout)
        .put("use_bias", useBias)
        .put("use_gate", useGate)
        .put("output_shape", longs(outputShape))
        .put("attention_axes", ints(attentionAxes))
        .put("sliding_window", slidingWindow);
    return putWeightSettings(c);
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
    return m.readCommon(c);
  }
}

package org.jeras.layers.preprocessing;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Maps int64 tokens to indices (Keras's {@code IntegerLookup}; see {@link IndexLookup}); the
 * default OOV token is {@code -1}. With {@code num_oov_indices > 1}, OOV tokens go to bucket
 * {@code floormod(token, n)} ({@code oov_method="floormod"}, the default) or the FarmHash64 /
 * SipHash of their decimal string ({@code "farmhash"}).
 */
public class IntegerLookup extends IndexLookup<Long> {
  /** A layer to adapt, with Keras's defaults. */
  public IntegerLookup() {
    this(Options.defaults(), null, -1L, null, null);
  }

  /**
   * A layer over a fixed vocabulary.
   *
   * @param vocabulary the tokens
   */
  public IntegerLookup(List<Long> vocabulary) {
    this(Options.defaults(), null, -1L, vocabulary, null);
  }

  /**
   * Keras's {@code IntegerLookup}.
   *
   * @param options the options shared by both lookups
   * @param maskToken the mask token, or null
   * @param oovToken the OOV token
   * @param vocabulary the fixed vocabulary, or null to adapt
   * @param idfWeights the IDF weights for {@code tf_idf}, or null
   */
  public IntegerLookup(Options options, Long maskToken, Long oovToken, List<Long> vocabulary, double[] idfWeights) {
    super(options, maskToken, oovToken, vocabulary, idfWeights);
    if (options.salt() != null && !options.oovMethod().equals("farmhash")) {
      throw new ConfigException("IntegerLookup 'salt' can only be used with oov_method 'farmhash'");
    }
  }

  @Override
  protected List<Long> readTokens(INDArray input) {
    if (input.dataType().isFPType()) {
      throw new IllegalArgumentException("IntegerLookup needs integer inputs, got " + input.dataType());
    }
    List<Long> out = new ArrayList<>();
    for (long v : input.castTo(DataType.LONG).reshape(input.length()).toLongVector()) {
      out.add(v);
    }
    return out;
  }

  @Override
  protected INDArray writeTokens(List<Long> tokens, long[] shape) {
    long[] v = new long[tokens.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = tokens.get(i) == null ? -1 : tokens.get(i);
    }
    return Nd4j.createFromArray(v).reshape(shape);
  }

  @Override
  protected byte[] hashBytes(Long token) {
    return Long.toString(token).getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  protected JsonElement tokenJson(Long token) {
    return new JsonPrimitive(token);
  }

  @Override
  protected Long parseLine(String line) {
    try {
      return Long.parseLong(line.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException("IntegerLookup: vocabulary line '" + line + "' is not an integer");
    }
  }

  @Override
  protected Comparator<Long> tokenOrder() {
    return Comparator.<Long>naturalOrder().reversed();
  }

  @Override
  protected boolean usesFloorMod() {
    return oovMethod.equals("floormod");
  }

  @Override
  protected long floorModKey(Long token) {
    return token;
  }

  @Override
  protected void putVocabularyDtype(Config c) {
    c.put("vocabulary_dtype", "int64");
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code IntegerLookup.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static IntegerLookup fromConfig(Config c) {
    String vd = c.getString("vocabulary_dtype", "int64");
    if (!vd.equals("int64")) {
      throw new ConfigException("IntegerLookup 'vocabulary_dtype' must be int64, got " + vd);
    }
    List<Long> vocab = null;
    if (c.isSet("vocabulary")) {
      vocab = new ArrayList<>();
      for (JsonElement e : c.get("vocabulary").getAsJsonArray()) {
        vocab.add(Config.toLong("vocabulary", e));
      }
    }
    Long mask = c.isSet("mask_token") ? c.getLong("mask_token") : null;
    Long oov = c.has("oov_token") ? (c.isSet("oov_token") ? c.getLong("oov_token") : null) : -1L;
    IntegerLookup l = new IntegerLookup(options(c), mask, oov, vocab, idfWeights(c));
    return l.<IntegerLookup>withVocabularySize(c).withBaseConfig(c);
  }
}

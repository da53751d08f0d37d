package org.jeras.layers.preprocessing;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Maps strings to integer indices (Keras's {@code StringLookup}; see {@link IndexLookup}). Inputs
 * are string tensors ({@code DType.STRING}, see {@link StringTensors}); OOV tokens with
 * {@code num_oov_indices > 1} go to bucket {@code FarmHash64(token) mod n} (SipHash with a
 * {@code salt}), as TensorFlow's {@code to_hash_bucket_fast/strong}.
 */
public class StringLookup extends IndexLookup<String> {
  private final String encoding;

  /** A layer to adapt, with Keras's defaults (one OOV index {@code "[UNK]"}, no mask). */
  public StringLookup() {
    this(Options.defaults(), null, "[UNK]", null, null);
  }

  /**
   * A layer over a fixed vocabulary.
   *
   * @param vocabulary the tokens
   */
  public StringLookup(List<String> vocabulary) {
    this(Options.defaults(), null, "[UNK]", vocabulary, null);
  }

  /**
   * Keras's {@code StringLookup}.
   *
   * @param options the options shared by both lookups
   * @param maskToken the mask token, or null
   * @param oovToken the OOV token
   * @param vocabulary the fixed vocabulary, or null to adapt
   * @param idfWeights the IDF weights for {@code tf_idf}, or null
   */
  public StringLookup(Options options, String maskToken, String oovToken, List<String> vocabulary, double[] idfWeights) {
    super(options, maskToken, oovToken, vocabulary, idfWeights);
    this.encoding = "utf-8";
  }

  @Override
  protected List<String> readTokens(INDArray input) {
    return Arrays.asList(StringTensors.values(input));
  }

  @Override
  protected INDArray writeTokens(List<String> tokens, long[] shape) {
    return StringTensors.of(shape, tokens.toArray(new String[0]));
  }

  @Override
  protected byte[] hashBytes(String token) {
    return token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected JsonElement tokenJson(String token) {
    return new JsonPrimitive(token);
  }

  @Override
  protected String parseLine(String line) {
    return line;
  }

  /** numpy sorts the tokens' UTF-8 bytes; Keras takes them high to low. */
  @Override
  protected Comparator<String> tokenOrder() {
    Comparator<String> bytes = (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
        b.getBytes(StandardCharsets.UTF_8));
    return bytes.reversed();
  }

  @Override
  protected boolean usesFloorMod() {
    return false;
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("encoding", encoding);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code StringLookup.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static StringLookup fromConfig(Config c) {
    String enc = c.getString("encoding", "utf-8");
    if (!enc.equalsIgnoreCase("utf-8") && !enc.equalsIgnoreCase("utf8")) {
      throw new ConfigException("StringLookup 'encoding' must be utf-8 in Jeras, got " + enc);
    }
    List<String> vocab = c.isSet("vocabulary") ? c.getStrings("vocabulary") : null;
    StringLookup l = new StringLookup(options(c), c.getString("mask_token", null), c.getString("oov_token", "[UNK]"),
        vocab, idfWeights(c));
    return l.<StringLookup>withVocabularySize(c).withBaseConfig(c);
  }

  @Override
  public boolean acceptsText() {
    return true;
  }
}

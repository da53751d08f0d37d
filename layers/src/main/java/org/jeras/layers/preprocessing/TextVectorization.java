package org.jeras.layers.preprocessing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.VariableStore;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns strings into token indices or token vectors (Keras's {@code TextVectorization}), as Keras
 * 3.16 does through TensorFlow: {@code standardize} ({@code lower_and_strip_punctuation}: ASCII
 * lower-casing, then removal of ASCII punctuation {@code !"#$%&()*+,-./:;<=>?@[\]^_`{|}~'};
 * {@code lower}; {@code strip_punctuation}; or none), {@code split} ({@code whitespace} runs, or
 * {@code character} code points, or none), optional {@code ngrams} (widths joined by a space, all
 * 1-grams first), then a {@link StringLookup} with mask token {@code ""} and OOV token
 * {@code "[UNK]"}. In {@code int} mode the rows are padded with 0 to the longest row, or cut/padded
 * to {@code output_sequence_length}; other modes encode each row. The learned vocabulary is
 * saved as the lookup's {@code vocabulary.txt} asset.
 */
public class TextVectorization extends Layer {
  private static final String PUNCTUATION = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~'";

  private final String standardize;
  private final String split;
  private final int[] ngrams;
  private final JsonElement ngramsArg;
  private final String outputMode;
  private final Integer outputSequenceLength;
  private final StringLookup lookup;

  /** Keras's defaults, to adapt. */
  public TextVectorization() {
    this(null, "lower_and_strip_punctuation", "whitespace", JsonNull.INSTANCE, "int", null, false, null, null);
  }

  /**
   * Keras's {@code TextVectorization}.
   *
   * @param ngrams JSON null, an int n (widths 1..n) or a list of widths, as Keras's {@code ngrams}
   * @param maxTokens the largest vocabulary size, or null
   * @param standardize the standardization, or null
   * @param split the splitting, or null
   * @param outputMode {@code "int"}, {@code "multi_hot"}, {@code "count"} or {@code "tf_idf"}
   * @param outputSequenceLength the padded length of {@code int} outputs, or null
   * @param padToMaxTokens whether to pad multi-hot outputs to {@code max_tokens}
   * @param vocabulary the fixed vocabulary, or null to adapt
   * @param idfWeights the IDF weights for {@code tf_idf}, or null
   */
  public TextVectorization(Integer maxTokens, String standardize, String split, JsonElement ngrams, String outputMode,
      Integer outputSequenceLength, boolean padToMaxTokens, List<String> vocabulary, double[] idfWeights) {
    if (standardize != null && !List.of("lower_and_strip_punctuation", "lower", "strip_punctuation").contains(standardize)) {
      throw new ConfigException("TextVectorization 'standardize' must be lower_and_strip_punctuation, lower, "
          + "strip_punctuation or null, got " + standardize);
    }
    if (split != null && !split.equals("whitespace") && !split.equals("character")) {
      throw new ConfigException("TextVectorization 'split' must be whitespace, character or null, got " + split);
    }
    String mode = switch (outputMode) {
      case "binary" -> "multi_hot";
      case "tf-idf" -> "tf_idf";
      default -> outputMode;
    };
    if (outputSequenceLength != null) {
      Args.positive(className(), "output_sequence_length", outputSequenceLength);
    }
    CategoricalEncoding.checkMode("TextVectorization", mode, "int", "one_hot", "multi_hot", "count", "tf_idf");
    if (!mode.equals("int") && outputSequenceLength != null) {
      throw new ConfigException("TextVectorization 'output_sequence_length' must not be set if output_mode is not 'int'");
    }
    this.standardize = standardize;
    this.split = split;
    this.ngramsArg = ngrams == null ? JsonNull.INSTANCE : ngrams;
    this.ngrams = widths(this.ngramsArg);
    this.outputMode = mode;
    this.outputSequenceLength = outputSequenceLength;
    IndexLookup.Options o = IndexLookup.Options.defaults().withOutputMode(mode).withMaxTokens(maxTokens, padToMaxTokens);
    // Tracked as Keras's attribute "_lookup_layer": Keras's saving walk visits it as a child too, so
    // its vocabulary.txt (and tf_idf weights) appear both here and under "_lookup_layer".
    this.lookup = track("_lookup_layer", new StringLookup(o, "", "[UNK]", vocabulary, idfWeights));
  }

  private static int[] widths(JsonElement ngrams) {
    if (ngrams.isJsonNull()) {
      return null;
    }
    if (ngrams.isJsonPrimitive()) {
      int n = Args.positive("TextVectorization", "ngrams", Config.toInt("ngrams", ngrams));
      int[] w = new int[n];
      for (int i = 0; i < n; i++) {
        w[i] = i + 1;
      }
      return w;
    }
    JsonArray a = ngrams.getAsJsonArray();
    int[] w = new int[a.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = Args.positive("TextVectorization", "ngrams", Config.toInt("ngrams", a.get(i)));
    }
    return w;
  }

  /** {@return the lookup holding the vocabulary} */
  public StringLookup lookup() {
    return lookup;
  }

  /**
   * {@return the vocabulary (Keras's {@code get_vocabulary})}
   *
   * @param includeSpecialTokens whether to include the mask and OOV tokens
   */
  public List<String> getVocabulary(boolean includeSpecialTokens) {
    return lookup.getVocabulary(includeSpecialTokens);
  }

  /**
   * Learns the vocabulary of the standardized, split tokens of {@code data} (one string per row).
   *
   * @param data the strings, one per row
   */
  public void adapt(INDArray data) {
    List<List<String>> rows = preprocess(data);
    int width = rows.stream().mapToInt(List::size).max().orElse(0);
    // Documents are padded with the mask token "", which adapt leaves out of the vocabulary.
    List<String> flat = new ArrayList<>();
    for (List<String> r : rows) {
      flat.addAll(r);
      for (int i = r.size(); i < width; i++) {
        flat.add("");
      }
    }
    lookup.adapt(StringTensors.of(new long[] {rows.size(), width}, flat.toArray(new String[0])));
  }

  /** Standardize, split and n-gram each input string (a row of the batch). */
  List<List<String>> preprocess(INDArray data) {
    String[] strings = StringTensors.values(data);
    if (split != null && data.rank() > 1 && data.size(data.rank() - 1) != 1) {
      throw new IllegalArgumentException("TextVectorization needs inputs of rank 1 or with a last axis of 1 to split, got "
          + Arrays.toString(data.shape()));
    }
    List<List<String>> rows = new ArrayList<>();
    for (String s : strings) {
      String t = s;
      if ("lower".equals(standardize) || "lower_and_strip_punctuation".equals(standardize)) {
        t = lowerAscii(t);
      }
      if ("strip_punctuation".equals(standardize) || "lower_and_strip_punctuation".equals(standardize)) {
        t = stripPunctuation(t);
      }
      List<String> tokens;
      if ("whitespace".equals(split)) {
        tokens = new ArrayList<>();
        for (String tok : t.split("[ \\t\\n\\r\\u000B\\f]+")) {
          if (!tok.isEmpty()) {
            tokens.add(tok);
          }
        }
      } else if ("character".equals(split)) {
        tokens = new ArrayList<>();
        t.codePoints().forEach(cp -> tokens.add(new String(Character.toChars(cp))));
      } else {
        tokens = List.of(t);
      }
      rows.add(ngrams == null ? tokens : ngramsOf(tokens));
    }
    return rows;
  }

  private List<String> ngramsOf(List<String> tokens) {
    List<String> out = new ArrayList<>();
    for (int n : ngrams) {
      for (int i = 0; i + n <= tokens.size(); i++) {
        out.add(String.join(" ", tokens.subList(i, i + n)));
      }
    }
    return out;
  }

  private static String lowerAscii(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    return b.toString();
  }

  private static String stripPunctuation(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      if (PUNCTUATION.indexOf(s.charAt(i)) < 0) {
        b.append(s.charAt(i));
      }
    }
    return b.toString();
  }

  @Override
  protected boolean autocastsInputs() {
    return false;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    List<List<String>> rows = preprocess(x.value());
    int longest = rows.stream().mapToInt(List::size).max().orElse(0);
    int width = outputMode.equals("int") && outputSequenceLength != null ? outputSequenceLength : longest;
    List<String> flat = new ArrayList<>();
    for (List<String> r : rows) {
      for (int i = 0; i < width; i++) {
        flat.add(i < r.size() ? r.get(i) : "");
      }
    }
    if (width == 0 && !outputMode.equals("int")) {
      flat.add("");
      width = 1;
    }
    INDArray tokens = StringTensors.of(new long[] {rows.size(), width}, flat.toArray(new String[0]));
    if (outputMode.equals("int") && width == 0) {
      return Tensor.of(Nd4j.zeros(DataType.LONG, rows.size(), 0));
    }
    return lookup.apply(Tensor.of(tokens));
  }

  /** {@code (batch, output_sequence_length)} int64 in int mode (unknown length without it), else {@code (batch, depth)}. */
  @Override
  public List<Tensor> computeOutputSpec(CallArgs args) {
    long batch = args.tensor(0).shape().get(0);
    if (outputMode.equals("int")) {
      long len = outputSequenceLength == null ? Shape.UNKNOWN : outputSequenceLength;
      return List.of(Tensor.symbolic(Shape.of(batch, len), DType.INT64, null));
    }
    Config lc = lookup.getConfig();
    long depth = lc.getBoolean("pad_to_max_tokens") ? lc.getInt("max_tokens") : lookup.vocabularySize();
    DType dt = outputMode.equals("tf_idf") ? DType.FLOAT32
        : DType.INT64;
    return List.of(Tensor.symbolic(Shape.of(batch, depth), dt, null));
  }

  @Override
  public void saveOwnVariables(VariableStore store) {
    lookup.saveOwnVariables(store);
  }

  @Override
  public void loadOwnVariables(VariableStore store) {
    lookup.loadOwnVariables(store);
  }

  @Override
  public void saveAssets(Path dir) throws IOException {
    lookup.saveAssets(dir);
  }

  @Override
  public void loadAssets(Path dir) throws IOException {
    lookup.loadAssets(dir);
  }

  @Override
  public Config getConfig() {
    Config lc = lookup.getConfig();
    return super.getConfig().put("max_tokens", lc.getIntOrNull("max_tokens")).put("standardize", standardize)
        .put("split", split).put("ngrams", ngramsArg.deepCopy()).put("output_mode", outputMode)
        .put("output_sequence_length", outputSequenceLength).put("pad_to_max_tokens", lc.getBoolean("pad_to_max_tokens"))
        .put("sparse", false).put("ragged", false).put("vocabulary", lc.get("vocabulary"))
        .put("idf_weights", lc.get("idf_weights")).put("encoding", "utf-8")
        .put("vocabulary_size", lookup.vocabularySize());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code TextVectorization.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static TextVectorization fromConfig(Config c) {
    for (String key : new String[] {"standardize", "split"}) {
      JsonElement e = c.getOrNull(key);
      if (e != null && !e.isJsonNull() && !e.isJsonPrimitive()) {
        throw new ConfigException("TextVectorization '" + key + "': custom callables are not supported by Jeras, got " + e);
      }
    }
    if (c.getBoolean("sparse", false) || c.getBoolean("ragged", false)) {
      throw new ConfigException("TextVectorization 'sparse'/'ragged': true is not supported by Jeras");
    }
    String enc = c.getString("encoding", "utf-8");
    if (!enc.equalsIgnoreCase("utf-8")) {
      throw new ConfigException("TextVectorization 'encoding' must be utf-8 in Jeras, got " + enc);
    }
    List<String> vocab = c.isSet("vocabulary") ? c.getStrings("vocabulary") : null;
    double[] idf = c.isSet("idf_weights") ? c.getDoubles("idf_weights") : null;
    String standardize = c.has("standardize") ? c.getString("standardize", null) : "lower_and_strip_punctuation";
    String split = c.has("split") ? c.getString("split", null) : "whitespace";
    TextVectorization t = new TextVectorization(c.getIntOrNull("max_tokens"), standardize, split, c.getOrNull("ngrams"),
        c.getString("output_mode", "int"), c.getIntOrNull("output_sequence_length"), c.getBoolean("pad_to_max_tokens", false),
        vocab, idf);
    // Keras hands vocabulary_size (and has_input_vocabulary) to its inner StringLookup.
    t.lookup.withVocabularySize(c);
    return t.withBaseConfig(c);
  }

  @Override
  public boolean acceptsText() {
    return true;
  }
}

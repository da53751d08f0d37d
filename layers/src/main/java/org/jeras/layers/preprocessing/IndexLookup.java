package org.jeras.layers.preprocessing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.VariableStore;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The shared mechanism of Keras's {@code StringLookup} and {@code IntegerLookup} (Keras's
 * {@code IndexLookup}): maps tokens of type {@code K} to indices laid out as
 * {@code [mask (int mode only)] [num_oov_indices OOV slots] [vocabulary...]}, or back with
 * {@code invert}; encodes the indices with {@code output_mode} (int, one_hot, multi_hot, count:
 * int64; tf_idf: float32). The vocabulary is given ({@code vocabulary} in the config) or learned
 * by {@link #adapt(INDArray)} (most frequent first, ties by token descending) and then saved as
 * the asset {@code vocabulary.txt}: every token including the special ones, one per line joined by
 * {@code "\n"} without a trailing newline. With {@code tf_idf} the padded IDF weights are the
 * variable {@code idf_weights} of the layer's store.
 */
public abstract class IndexLookup<K> extends Layer {
  /** The file Keras writes into the layer's asset directory. */
  public static final String VOCABULARY_FILE = "vocabulary.txt";

  /** The largest vocabulary size, or null for none (Keras's {@code max_tokens}). */
  protected final Integer maxTokens;
  /** The number of out-of-vocabulary buckets (Keras's {@code num_oov_indices}). */
  protected final int numOovIndices;
  /** The token mapped to index 0 and masked, or null. */
  protected final K maskToken;
  /** The token returned for out-of-vocabulary indices when inverted. */
  protected final K oovToken;
  /** Whether the layer maps indices back to tokens (Keras's {@code invert}). */
  protected final boolean invert;
  /** Keras's {@code output_mode}. */
  protected final String outputMode;
  /** Whether multi-hot outputs are padded to {@code max_tokens} (Keras's {@code pad_to_max_tokens}). */
  protected final boolean padToMaxTokens;
  /** How out-of-vocabulary tokens are bucketed (Keras's {@code oov_method}). */
  protected final String oovMethod;
  /** The SipHash key of the OOV hashing, or null. */
  protected final long[] salt;
  private final List<K> inputVocabulary;
  private final double[] inputIdfWeights;

  private List<K> tokens = List.of();
  private Map<K, Integer> index = Map.of();
  private Integer frozenVocabSize;
  private double[] idfWeights;
  private final Map<K, Long> tokenCounts = new HashMap<>();
  private final Map<K, Long> documentCounts = new HashMap<>();
  private long numDocuments;

  /** Keras's lookups record an empty build config once built: their build takes no shape. */
  @Override
  public JsonObject getBuildConfig() {
    return isBuilt() ? new JsonObject() : null;
  }

  /** The options shared by both lookups, in Keras's argument names. */
  public record Options(Integer maxTokens, int numOovIndices, boolean invert, String outputMode, boolean padToMaxTokens,
      String oovMethod, long[] salt) {
    /** {@return Keras's defaults: one OOV index, integer output, no limit} */
    public static Options defaults() {
      return new Options(null, 1, false, "int", false, "floormod", null);
    }

    /**
     * {@return these options with another {@code output_mode}}
     *
     * @param mode the output mode
     */
    public Options withOutputMode(String mode) {
      return new Options(maxTokens, numOovIndices, invert, mode, padToMaxTokens, oovMethod, salt);
    }

    /**
     * {@return these options with another {@code invert}}
     *
     * @param inv whether to map indices back to tokens
     */
    public Options withInvert(boolean inv) {
      return new Options(maxTokens, numOovIndices, inv, outputMode, padToMaxTokens, oovMethod, salt);
    }

    /**
     * {@return these options with another {@code num_oov_indices}}
     *
     * @param n the number of OOV buckets
     */
    public Options withNumOovIndices(int n) {
      return new Options(maxTokens, n, invert, outputMode, padToMaxTokens, oovMethod, salt);
    }

    /**
     * {@return these options with another {@code max_tokens} and {@code pad_to_max_tokens}}
     *
     * @param n the largest vocabulary size, or null
     * @param pad whether to pad multi-hot outputs
     */
    public Options withMaxTokens(Integer n, boolean pad) {
      return new Options(n, numOovIndices, invert, outputMode, pad, oovMethod, salt);
    }
  }

  /**
   * A lookup with the given options and special tokens.
   *
   * @param o the options
   * @param maskToken the mask token, or null
   * @param oovToken the OOV token
   * @param vocabulary the fixed vocabulary, or null to adapt
   * @param idfWeights the IDF weights for {@code tf_idf}, or null
   */
  protected IndexLookup(Options o, K maskToken, K oovToken, List<K> vocabulary, double[] idfWeights) {
    String layer = className();
    if (o.maxTokens() != null && o.maxTokens() <= 1) {
      throw Args.invalid(layer, "max_tokens", "an integer greater than 1", o.maxTokens());
    }
    if (o.padToMaxTokens() && o.maxTokens() == null) {
      throw new ConfigException(layer + ": 'pad_to_max_tokens' needs 'max_tokens'");
    }
    Args.nonNegative(layer, "num_oov_indices", o.numOovIndices());
    if (!o.oovMethod().equals("floormod") && !o.oovMethod().equals("farmhash")) {
      throw new ConfigException(layer + " 'oov_method' must be floormod or farmhash, got " + o.oovMethod());
    }
    String mode = switch (o.outputMode()) {
      case "binary" -> "multi_hot";
      case "tf-idf" -> "tf_idf";
      default -> o.outputMode();
    };
    CategoricalEncoding.checkMode(layer, mode, "int", "one_hot", "multi_hot", "count", "tf_idf");
    if (o.invert() && !mode.equals("int")) {
      throw new ConfigException(layer + ": 'invert' needs output_mode 'int', got '" + mode + "'");
    }
    if (idfWeights != null && !mode.equals("tf_idf")) {
      throw new ConfigException(layer + ": 'idf_weights' needs output_mode 'tf_idf'");
    }
    if (mode.equals("tf_idf") && vocabulary != null && idfWeights == null) {
      throw new ConfigException(layer + ": with a 'vocabulary' in tf_idf mode, 'idf_weights' must be given too");
    }
    this.maxTokens = o.maxTokens();
    this.numOovIndices = o.numOovIndices();
    this.invert = o.invert();
    this.outputMode = mode;
    this.padToMaxTokens = o.padToMaxTokens();
    this.oovMethod = o.oovMethod();
    this.salt = o.salt() == null ? null : o.salt().clone();
    this.maskToken = maskToken;
    this.oovToken = oovToken;
    this.inputVocabulary = vocabulary == null ? null : List.copyOf(vocabulary);
    this.inputIdfWeights = idfWeights == null ? null : idfWeights.clone();
    if (vocabulary != null) {
      setVocabulary(vocabulary, idfWeights);
    }
  }

  // ------------------------------------------------------------------ the token type

  /**
   * The tokens of an input tensor, row-major.
   *
   * @param input the input
   * @return the tokens
   */
  protected abstract List<K> readTokens(INDArray input);

  /**
   * A tensor of tokens (for {@code invert}).
   *
   * @param tokens the tokens
   * @param shape the tensor's shape
   * @return the tensor
   */
  protected abstract INDArray writeTokens(List<K> tokens, long[] shape);

  /**
   * The bytes hashed for OOV buckets (TensorFlow hashes the string form).
   *
   * @param token the token
   * @return the bytes
   */
  protected abstract byte[] hashBytes(K token);

  /**
   * A token as the config writes it.
   *
   * @param token the token
   * @return the JSON value
   */
  protected abstract JsonElement tokenJson(K token);

  /**
   * A line of {@code vocabulary.txt} as a token.
   *
   * @param line the line
   * @return the token
   */
  protected abstract K parseLine(String line);

  /**
   * Token order for breaking frequency ties in {@link #adapt} (Keras: descending).
   *
   * @return the order
   */
  protected abstract Comparator<K> tokenOrder();

  /**
   * {@return whether the OOV bucket of a token is {@code floormod(token, n)} (integer keys with floormod)}
   */
  protected abstract boolean usesFloorMod();

  /**
   * The OOV bucket index of an integer token (only when {@link #usesFloorMod()}).
   *
   * @param token the token
   * @return the bucket index
   */
  protected long floorModKey(K token) {
    throw new UnsupportedOperationException();
  }

  // ------------------------------------------------------------------ vocabulary

  private int oovStartIndex() {
    return maskToken != null && outputMode.equals("int") ? 1 : 0;
  }

  private int tokenStartIndex() {
    return oovStartIndex() + numOovIndices;
  }

  /** {@return the vocabulary size including the mask and OOV slots} */
  public int vocabularySize() {
    return tokens.size() + tokenStartIndex();
  }

  /**
   * Keras's {@code get_vocabulary}: index {@code i} holds the token mapped to {@code i}.
   *
   * @param includeSpecialTokens whether to include the mask and OOV tokens
   * @return the vocabulary
   */
  public List<K> getVocabulary(boolean includeSpecialTokens) {
    List<K> out = new ArrayList<>();
    if (includeSpecialTokens) {
      if (oovStartIndex() == 1) {
        out.add(maskToken);
      }
      for (int i = 0; i < numOovIndices; i++) {
        out.add(oovToken);
      }
    }
    out.addAll(tokens);
    return out;
  }

  /**
   * Keras's {@code set_vocabulary}: the tokens, optionally preceded by exactly the special tokens
   * ({@code [mask] [oov] * num_oov_indices}), which are then skipped.
   *
   * @param vocabulary the tokens
   * @param idf the IDF weights for {@code tf_idf}, or null
   */
  public final void setVocabulary(List<K> vocabulary, double[] idf) {
    if (outputMode.equals("tf_idf") && idf == null) {
      throw new ConfigException(className() + ": 'idf_weights' must be set in tf_idf mode");
    }
    if (vocabulary.isEmpty()) {
      throw new ConfigException(className() + ": the vocabulary cannot be empty");
    }
    int start = tokenStartIndex();
    List<K> special = getVocabulary(true).subList(0, start);
    boolean hasSpecial = vocabulary.size() >= start && vocabulary.subList(0, start).equals(special);
    List<K> toks = hasSpecial ? vocabulary.subList(start, vocabulary.size()) : vocabulary;
    Set<K> seen = new HashSet<>();
    Map<K, Integer> idx = new LinkedHashMap<>();
    for (K t : toks) {
      if (!seen.add(t)) {
        throw new ConfigException(className() + ": the vocabulary has the repeated term " + t);
      }
      if (maskToken != null && maskToken.equals(t)) {
        throw new ConfigException(className() + ": the mask token " + t + " is in the vocabulary at an unexpected place; "
            + "include special tokens only at the start, in this order: " + special);
      }
      if (invert && oovToken != null && oovToken.equals(t)) {
        throw new ConfigException(className() + ": the OOV token " + t + " is in the vocabulary at an unexpected place");
      }
      idx.put(t, start + idx.size());
    }
    if (maxTokens != null && start + toks.size() > maxTokens) {
      throw new ConfigException(className() + ": vocabulary size " + (start + toks.size()) + " exceeds max_tokens " + maxTokens);
    }
    this.tokens = List.copyOf(toks);
    this.index = idx;
    if (outputMode.equals("tf_idf")) {
      if (idf.length != vocabulary.size()) {
        throw new ConfigException(className() + ": 'idf_weights' must be as long as the vocabulary (" + vocabulary.size()
            + "), got " + idf.length);
      }
      int front = hasSpecial ? 0 : start;
      double frontValue = hasSpecial ? 0 : Arrays.stream(idf).average().orElse(0);
      int back = padToMaxTokens ? maxTokens - front - idf.length : 0;
      double[] w = new double[front + idf.length + back];
      Arrays.fill(w, 0, front, frontValue);
      System.arraycopy(idf, 0, w, front, idf.length);
      this.idfWeights = toFloat(w);
    }
    recordVocabularySize();
  }

  private void recordVocabularySize() {
    if (!outputMode.equals("int") && !padToMaxTokens && frozenVocabSize != null && frozenVocabSize != vocabularySize()) {
      throw new IllegalStateException(className() + ": the vocabulary size cannot change after the layer is called in "
          + outputMode + " mode (was " + frozenVocabSize + ", now " + vocabularySize() + ")");
    }
    frozenVocabSize = vocabularySize();
  }

  /**
   * Learns the vocabulary from {@code data} as Keras's {@code adapt} on an array: tokens counted
   * over all of it, the mask and OOV tokens left out, most frequent first (ties: token descending),
   * truncated to {@code max_tokens}. A rank-1 array counts each element as a document (tf_idf).
   *
   * @param data the tokens to count
   */
  public void adapt(INDArray data) {
    if (inputVocabulary != null) {
      throw new IllegalStateException("Cannot adapt layer '" + name() + "' after setting a vocabulary");
    }
    tokenCounts.clear();
    documentCounts.clear();
    numDocuments = 0;
    List<K> all = readTokens(data);
    long docs = data.rank() <= 1 ? all.size() : data.size(0);
    int perDoc = docs == 0 ? 0 : (int) (all.size() / docs);
    for (int d = 0; d < docs; d++) {
      Set<K> inDoc = new HashSet<>();
      for (K t : all.subList(d * perDoc, (d + 1) * perDoc)) {
        tokenCounts.merge(t, 1L, Long::sum);
        inDoc.add(t);
      }
      for (K t : inDoc) {
        documentCounts.merge(t, 1L, Long::sum);
      }
    }
    numDocuments = docs;
    finalizeState();
  }

  /** Keras's {@code finalize_state} after counting. */
  protected void finalizeState() {
    if (tokenCounts.isEmpty()) {
      recordVocabularySize();
      return;
    }
    if (maskToken != null) {
      tokenCounts.remove(maskToken);
    }
    if (oovToken != null) {
      tokenCounts.remove(oovToken);
    }
    List<K> sorted = new ArrayList<>(tokenCounts.keySet());
    Comparator<K> byCount = Comparator.comparing(tokenCounts::get);
    sorted.sort(byCount.reversed().thenComparing(tokenOrder()));
    if (maxTokens != null) {
      sorted = sorted.subList(0, Math.min(sorted.size(), maxTokens - tokenStartIndex()));
    }
    List<K> learned = List.copyOf(sorted);
    int start = tokenStartIndex();
    Map<K, Integer> idx = new LinkedHashMap<>();
    for (K t : learned) {
      idx.put(t, start + idx.size());
    }
    this.tokens = learned;
    this.index = idx;
    if (outputMode.equals("tf_idf")) {
      double[] w = new double[learned.size()];
      double sum = 0;
      for (int i = 0; i < w.length; i++) {
        // Keras: log(1 + num_documents / (1 + document_count)), in float32.
        w[i] = (float) Math.log(1 + (double) numDocuments / (1 + documentCounts.getOrDefault(learned.get(i), 0L)));
        sum += w[i];
      }
      double mean = w.length == 0 ? 0 : (float) (sum / w.length);
      int back = padToMaxTokens ? maxTokens - start - w.length : 0;
      double[] padded = new double[start + w.length + back];
      Arrays.fill(padded, 0, start, mean);
      System.arraycopy(w, 0, padded, start, w.length);
      this.idfWeights = toFloat(padded);
    }
    tokenCounts.clear();
    documentCounts.clear();
    numDocuments = 0;
    recordVocabularySize();
  }

  private static double[] toFloat(double[] w) {
    double[] out = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = (float) w[i];
    }
    return out;
  }

  // ------------------------------------------------------------------ calling

  @Override
  protected boolean autocastsInputs() {
    return false;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    return lookupCall(x, false);
  }

  /**
   * The call; {@code symbolic} for the placeholder run of {@link #computeOutputSpec}, where an
   * adapted tf_idf layer being loaded has its vocabulary size but not yet its IDF weights (they
   * come with the weights file after the graph is built).
   */
  private Tensor lookupCall(Tensor x, boolean symbolic) {
    INDArray in = x.value();
    long[] shape = in.shape();
    if (invert) {
      return Tensor.of(invertLookup(in, shape));
    }
    List<K> toks = readTokens(in);
    double[] ids = new double[toks.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = lookup(toks.get(i));
    }
    INDArray indices = Nd4j.create(ids, shape.length == 0 ? new long[0] : shape, DataType.DOUBLE);
    if (outputMode.equals("int")) {
      return Tensor.of(indices.castTo(DataType.LONG));
    }
    if (frozenVocabSize == null && !padToMaxTokens) {
      throw new IllegalStateException(className() + " '" + name() + "': set a vocabulary or adapt() before calling it in "
          + outputMode + " mode");
    }
    int depth = padToMaxTokens ? maxTokens : frozenVocabSize;
    if (outputMode.equals("tf_idf")) {
      if (idfWeights == null && !symbolic) {
        throw new IllegalStateException(className() + " '" + name() + "': its idf_weights are not set (load the weights,"
            + " adapt() or pass idf_weights)");
      }
      double[] w = idfWeights == null ? new double[depth] : idfWeights;
      return CategoricalEncoding.encode(Tensor.of(indices), "tf_idf", depth, DType.FLOAT32,
          Tensor.of(Nd4j.createFromArray(w)));
    }
    return CategoricalEncoding.encode(Tensor.of(indices), outputMode, depth, DType.INT64, null);
  }

  /**
   * Keras's symbolic output: int64 indices in {@code "int"} mode, else floatx (the encodings'
   * values are counts, as Keras's {@code compute_output_spec} declares them).
   */
  @Override
  public List<Tensor> computeOutputSpec(CallArgs args) {
    return StringTensors.outputSpec(args, t -> {
      Tensor out = lookupCall(t, true);
      return outputMode.equals("int") || out.dtype() == DType.FLOAT32 ? out : Tensor.of(out.value().castTo(DataType.FLOAT));
    });
  }

  /** The index of one token: mask slot, vocabulary index, or an OOV bucket. */
  private long lookup(K t) {
    if (maskToken != null && maskToken.equals(t)) {
      // Outside int mode the mask maps past every bucket, so encoders ignore it.
      return outputMode.equals("int") ? 0 : Long.MAX_VALUE;
    }
    Integer i = index.get(t);
    if (i != null) {
      return i;
    }
    if (numOovIndices == 0) {
      throw new IllegalArgumentException("When num_oov_indices=0 all inputs should be in the vocabulary; found OOV value "
          + t + ", consider setting num_oov_indices=1");
    }
    if (numOovIndices == 1) {
      return oovStartIndex();
    }
    long bucket;
    if (usesFloorMod()) {
      bucket = Math.floorMod(floorModKey(t), (long) numOovIndices);
    } else if (salt != null) {
      bucket = Long.remainderUnsigned(SipHash.hash(salt[0], salt[1], hashBytes(t)), numOovIndices);
    } else {
      bucket = Long.remainderUnsigned(FarmHash.fingerprint64(hashBytes(t)), numOovIndices);
    }
    return oovStartIndex() + bucket;
  }

  private INDArray invertLookup(INDArray in, long[] shape) {
    long[] ids = in.castTo(DataType.LONG).reshape(in.length()).toLongVector();
    List<K> vocab = getVocabulary(true);
    List<K> out = new ArrayList<>(ids.length);
    for (long id : ids) {
      if (maskToken != null && id == 0) {
        out.add(maskToken);
      } else if (id >= tokenStartIndex() && id < vocab.size()) {
        out.add(vocab.get((int) id));
      } else {
        out.add(oovToken);
      }
    }
    return writeTokens(out, shape);
  }

  // ------------------------------------------------------------------ saving

  @Override
  public void saveOwnVariables(VariableStore store) {
    if (outputMode.equals("tf_idf")) {
      store.put("idf_weights", Nd4j.createFromArray(idfWeights).castTo(DataType.FLOAT));
    }
  }

  @Override
  public void loadOwnVariables(VariableStore store) {
    if (outputMode.equals("tf_idf")) {
      idfWeights = store.get("idf_weights").castTo(DataType.DOUBLE).toDoubleVector();
    }
  }

  /** Writes {@code vocabulary.txt} unless the vocabulary is part of the config, as Keras does. */
  @Override
  public void saveAssets(Path dir) throws IOException {
    if (inputVocabulary != null) {
      return;
    }
    List<String> lines = new ArrayList<>();
    for (K t : getVocabulary(true)) {
      lines.add(String.valueOf(t));
    }
    Files.writeString(dir.resolve(VOCABULARY_FILE), String.join("\n", lines), StandardCharsets.UTF_8);
  }

  /** Reads {@code vocabulary.txt} (trailing empty lines dropped) unless the config holds the vocabulary. */
  @Override
  public void loadAssets(Path dir) throws IOException {
    if (inputVocabulary != null) {
      return;
    }
    Path file = dir.resolve(VOCABULARY_FILE);
    if (!Files.exists(file)) {
      throw new ConfigException(className() + " '" + name() + "': missing asset " + file);
    }
    List<String> lines = new ArrayList<>(Arrays.asList(Files.readString(file, StandardCharsets.UTF_8).split("\r?\n|\r", -1)));
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    List<K> values = new ArrayList<>();
    for (String l : lines) {
      values.add(parseLine(l));
    }
    setVocabulary(values, outputMode.equals("tf_idf") ? idfWeights : null);
  }

  // ------------------------------------------------------------------ config

  /** The keys of Keras's {@code IndexLookup.get_config} after the base keys. */
  @Override
  public Config getConfig() {
    Config c = super.getConfig().put("invert", invert).put("max_tokens", maxTokens).put("num_oov_indices", numOovIndices)
        .put("oov_token", oovToken == null ? JsonNull.INSTANCE : tokenJson(oovToken))
        .put("mask_token", maskToken == null ? JsonNull.INSTANCE : tokenJson(maskToken))
        .put("output_mode", outputMode).put("sparse", false).put("pad_to_max_tokens", padToMaxTokens);
    putVocabularyDtype(c);
    c.put("idf_weights", inputIdfWeights == null ? JsonNull.INSTANCE : NumericJson.toJson(Nd4j.createFromArray(inputIdfWeights)));
    if (inputVocabulary == null) {
      c.put("vocabulary", JsonNull.INSTANCE);
    } else {
      JsonArray v = new JsonArray();
      inputVocabulary.forEach(t -> v.add(tokenJson(t)));
      c.put("vocabulary", v);
    }
    c.put("vocabulary_size", frozenVocabSize).put("oov_method", oovMethod);
    SipHash.putSalt(c, salt);
    return c;
  }

  /**
   * IntegerLookup writes {@code vocabulary_dtype}; StringLookup does not.
   *
   * @param c the layer's config
   */
  protected void putVocabularyDtype(Config c) {}

  /**
   * Reads the options shared by both lookups.
   *
   * @param c the layer's config
   * @return the options
   */
  protected static Options options(Config c) {
    if (c.getBoolean("sparse", false)) {
      throw new ConfigException("Lookup layer 'sparse': true is not supported by Jeras");
    }
    long[] salt = SipHash.saltFromConfig(c);
    return new Options(c.getIntOrNull("max_tokens"), c.getInt("num_oov_indices", 1), c.getBoolean("invert", false),
        c.getString("output_mode", "int"), c.getBoolean("pad_to_max_tokens", false), c.getString("oov_method", "floormod"),
        salt);
  }

  /**
   * Reads {@code idf_weights} from a config.
   *
   * @param c the layer's config
   * @return the weights, or null
   */
  protected static double[] idfWeights(Config c) {
    return c.isSet("idf_weights") ? c.getDoubles("idf_weights") : null;
  }

  /**
   * Applies Keras's {@code vocabulary_size} bookkeeping from a config, and takes Keras's other
   * hidden argument {@code has_input_vocabulary}, which only governs {@code adapt()}.
   *
   * @param <L> this layer's class
   * @param c the layer's config
   * @return this layer
   */
  protected final <L extends IndexLookup<K>> L withVocabularySize(Config c) {
    c.getBoolean("has_input_vocabulary", false);
    Integer size = c.getIntOrNull("vocabulary_size");
    if (size != null && frozenVocabSize == null) {
      frozenVocabSize = size;
    }
    @SuppressWarnings("unchecked")
    L self = (L) this;
    return self;
  }

  @Override
  public String toString() {
    return super.toString() + " vocabulary=" + Objects.toString(tokens.size());
  }
}

package org.jeras.layers.preprocessing;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.DTypePolicy;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Hashes strings or integers into {@code num_bins} buckets (Keras's {@code Hashing}), exactly as
 * TensorFlow does inside Keras 3.16: a value's string form (integers in decimal; floats first cast
 * to int64) is hashed with FarmHash64 ({@code tf.strings.to_hash_bucket_fast}) or, with a
 * {@code salt}, SipHash-2-4 keyed by the two salt words ({@code to_hash_bucket_strong}), modulo the
 * bin count. With a {@code mask_value}, that value maps to 0 and the others to
 * {@code 1 + hash mod (num_bins - 1)}. Output: int64 indices ({@code int}, the default dtype
 * policy then being {@code int64}) or encoded {@code one_hot / multi_hot / count} vectors.
 */
public class Hashing extends Layer {
  private final int numBins;
  private final JsonElement maskValue;
  private final long[] salt;
  private final String outputMode;

  /**
   * Keras's {@code Hashing(num_bins)}: FarmHash64, no mask, integer output.
   *
   * @param numBins the number of bins
   */
  public Hashing(int numBins) {
    this(numBins, null, null, "int");
  }

  /**
   * Keras's {@code Hashing(num_bins, mask_value, salt, output_mode)}.
   *
   * @param maskValue a string or integer mask value, or null
   * @param salt null (FarmHash64), or the two SipHash key words
   * @param numBins the number of bins
   * @param outputMode {@code "int"}, {@code "one_hot"}, {@code "multi_hot"} or {@code "count"}
   */
  public Hashing(int numBins, JsonElement maskValue, long[] salt, String outputMode) {
    if (salt != null && salt.length != 2) {
      throw new ConfigException("Hashing 'salt' must be an int or two ints");
    }
    this.numBins = Args.positive(className(), "num_bins", numBins);
    this.maskValue = maskValue == null || maskValue.isJsonNull() ? null : maskValue;
    this.salt = salt == null ? null : salt.clone();
    this.outputMode = CategoricalEncoding.checkMode("Hashing", outputMode, "int", "one_hot", "multi_hot", "count");
    setDtypePolicy(new DTypePolicy(outputMode.equals("int") ? "int64" : "float32"));
  }

  @Override
  protected boolean autocastsInputs() {
    return false;
  }

  /** The bucket of one value's string form. */
  long bucket(String value) {
    int bins = numBins;
    boolean masking = maskValue != null && numBins > 1;
    if (masking) {
      if (maskValue.getAsString().equals(value)) {
        return 0;
      }
      bins -= 1;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    long h = salt == null ? FarmHash.fingerprint64(bytes) : SipHash.hash(salt[0], salt[1], bytes);
    long b = Long.remainderUnsigned(h, bins);
    return masking ? b + 1 : b;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    INDArray in = x.value();
    String[] values;
    if (in.dataType() == DataType.UTF8) {
      values = StringTensors.values(in);
    } else {
      long[] ints = in.castTo(DataType.LONG).reshape(in.length()).toLongVector();
      values = new String[ints.length];
      for (int i = 0; i < ints.length; i++) {
        values[i] = Long.toString(ints[i]);
      }
    }
    double[] ids = new double[values.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = bucket(values[i]);
    }
    INDArray indices = Nd4j.create(ids, in.shape(), DataType.DOUBLE);
    if (outputMode.equals("one_hot") && in.rank() > 0 && in.size(in.rank() - 1) == 1) {
      indices = indices.reshape(Arrays.copyOf(in.shape(), in.rank() - 1));
    }
    return CategoricalEncoding.encode(Tensor.of(indices), outputMode, numBins, computeDtype(), null);
  }

  @Override
  public List<Tensor> computeOutputSpec(CallArgs args) {
    return StringTensors.outputSpec(args, t -> call(t, CallContext.INFERENCE));
  }

  @Override
  public Config getConfig() {
    Config c = super.getConfig().put("num_bins", numBins);
    SipHash.putSalt(c, salt);
    return c.put("mask_value", maskValue == null ? JsonNull.INSTANCE : maskValue.deepCopy())
        .put("output_mode", outputMode).put("sparse", false);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Hashing.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Hashing fromConfig(Config c) {
    if (c.getBoolean("sparse", false)) {
      throw new ConfigException("Hashing 'sparse': true is not supported by Jeras");
    }
    long[] salt = SipHash.saltFromConfig(c);
    JsonElement mask = c.getOrNull("mask_value");
    if (mask != null && !mask.isJsonNull() && !(mask.isJsonPrimitive() && !mask.getAsJsonPrimitive().isBoolean())) {
      throw new ConfigException("Hashing 'mask_value' must be a string or an integer, got " + mask);
    }
    if (mask != null && mask.isJsonPrimitive() && mask.getAsJsonPrimitive().isNumber()) {
      mask = new JsonPrimitive(Config.toLong("mask_value", mask));
    }
    return new Hashing(c.getInt("num_bins"), mask, salt, c.getString("output_mode", "int")).withBaseConfig(c);
  }

  @Override
  public boolean acceptsText() {
    return true;
  }
}

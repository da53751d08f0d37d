package org.jeras.layers.preprocessing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.DTypePolicy;
import org.jeras.core.layer.IncompatibleInputException;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.StringArrays;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Crosses two or more scalar categorical features into {@code num_bins} buckets (Keras's
 * {@code HashedCrossing}), exactly as TensorFlow's {@code tf.sparse.cross_hashed} does inside Keras
 * 3.16: per sample, starting from TensorFlow's default hash key, each feature in turn (a string's
 * FarmHash64 fingerprint, an integer's own value) is folded in with {@code FingerprintCat64}; the
 * result modulo {@code num_bins} (unsigned) is the bin. Inputs are string or integer tensors of
 * equal shape {@code ()}, {@code (batch,)} or {@code (batch, 1)}. Output: int64 bins of the first
 * input's shape ({@code int}) or their one-hot vectors ({@code one_hot}, float32 by default).
 */
public class HashedCrossing extends Layer {
  /** TensorFlow's {@code _DEFAULT_HASH_KEY} of {@code tf.sparse.cross_hashed}. */
  private static final long HASH_KEY = 0xDECAFCAFFEL;
  private static final long MUL = 0xc6a4a7935bd1e995L;

  private final int numBins;
  private final String outputMode;

  /**
   * Keras's {@code HashedCrossing(num_bins, output_mode)}.
   *
   * @param numBins the number of hash bins
   * @param outputMode {@code "int"} or {@code "one_hot"}
   */
  public HashedCrossing(int numBins, String outputMode) {
    this.numBins = Args.positive(className(), "num_bins", numBins);
    this.outputMode = CategoricalEncoding.checkMode("HashedCrossing", outputMode, "int", "one_hot");
    setDtypePolicy(new DTypePolicy(outputMode.equals("int") ? "int64" : "float32"));
  }

  @Override
  protected boolean autocastsInputs() {
    return false;
  }

  @Override
  public boolean acceptsText() {
    return true;
  }

  /**
   * TensorFlow's {@code FingerprintCat64}: folds fingerprint {@code fp2} into {@code fp1}.
   *
   * @param fp1 the running fingerprint
   * @param fp2 the fingerprint folded in
   * @return the combined fingerprint
   */
  static long fingerprintCat64(long fp1, long fp2) {
    long result = fp1 ^ MUL;
    result ^= shiftMix(fp2 * MUL) * MUL;
    result *= MUL;
    result = shiftMix(result) * MUL;
    return shiftMix(result);
  }

  private static long shiftMix(long v) {
    return v ^ (v >>> 47);
  }

  /** One feature's value per sample: a string's FarmHash64, an integer's value. */
  private static long[] featureHashes(INDArray in) {
    if (in.dataType() == DataType.UTF8) {
      String[] s = StringArrays.values(in);
      long[] out = new long[s.length];
      for (int i = 0; i < s.length; i++) {
        out[i] = FarmHash.fingerprint64(s[i].getBytes(StandardCharsets.UTF_8));
      }
      return out;
    }
    return in.castTo(DataType.LONG).reshape(in.length()).toLongVector();
  }

  private void checkInputs(List<Tensor> inputs) {
    if (inputs.size() < 2) {
      throw new IncompatibleInputException("Layer '" + callPath() + "' (HashedCrossing) needs at least two inputs, got "
          + inputs.size());
    }
    Shape first = inputs.get(0).shape();
    if (first.rank() > 2 || (first.rank() == 2 && first.get(1) != 1)) {
      throw new IncompatibleInputException("Layer '" + callPath() + "' (HashedCrossing): inputs must have shape (), "
          + "(batch,) or (batch, 1), got " + first);
    }
    for (Tensor t : inputs) {
      if (!Arrays.equals(t.shape().dims(), first.dims())) {
        throw new IncompatibleInputException("Layer '" + callPath() + "' (HashedCrossing): inputs must have equal "
            + "shapes, got " + inputs.stream().map(Tensor::shape).toList());
      }
      DType d = t.dtype();
      if (d != DType.STRING && (d.isFloating() || d == DType.BOOL)) {
        throw new IncompatibleInputException("Layer '" + callPath() + "' (HashedCrossing): inputs must be integer or "
            + "string tensors, got dtype=" + d.kerasName());
      }
    }
  }

  @Override
  protected Tensor call(List<Tensor> inputs, CallContext ctx) {
    checkInputs(inputs);
    long[] shape = inputs.get(0).value().shape();
    List<long[]> features = new ArrayList<>();
    for (Tensor t : inputs) {
      features.add(featureHashes(t.value()));
    }
    int n = features.get(0).length;
    double[] bins = new double[n];
    for (int i = 0; i < n; i++) {
      long h = HASH_KEY;
      for (long[] f : features) {
        h = fingerprintCat64(h, f[i]);
      }
      bins[i] = Long.remainderUnsigned(h, numBins);
    }
    INDArray indices = Nd4j.create(bins, shape, DataType.DOUBLE);
    return CategoricalEncoding.encode(Tensor.of(indices), outputMode, numBins, computeDtype(), null);
  }

  @Override
  public List<Tensor> computeOutputSpec(CallArgs args) {
    List<Tensor> in = args.tensors(0);
    checkInputs(in);
    Shape s = in.get(0).shape();
    long[] d = s.dims();
    if (outputMode.equals("one_hot")) {
      d = s.rank() == 2 ? new long[] {d[0], numBins} : Arrays.copyOf(d, d.length + 1);
      d[d.length - 1] = numBins;
    }
    return List.of(Tensor.symbolic(Shape.of(d), computeDtype(), null));
  }

  /** Keras's config: only these five keys, the dtype as its name. */
  @Override
  public Config getConfig() {
    return Config.empty().put("num_bins", numBins).put("output_mode", outputMode).put("sparse", false)
        .put("name", name()).put("dtype", dtypePolicy().name());
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code HashedCrossing.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static HashedCrossing fromConfig(Config c) {
    if (!c.isSet("num_bins")) {
      throw new ConfigException("HashedCrossing needs 'num_bins'");
    }
    if (c.getBoolean("sparse", false)) {
      throw new ConfigException("HashedCrossing 'sparse': true is not supported by Jeras");
    }
    return new HashedCrossing(c.getInt("num_bins"), c.getString("output_mode", "int")).withBaseConfig(c);
  }
}

package org.jeras.layers.preprocessing;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.graph.Tracer;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.IncompatibleInputException;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.LinalgOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.Ops;
import org.jeras.core.ops.SignalOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's {@code MelSpectrogram}: the centred STFT ({@link SignalOps#stft}) of audio
 * {@code (batch, samples)} or {@code (samples)}, its magnitude raised to {@code mag_exp}, mapped
 * onto {@code num_mel_bins} triangular mel bands between {@code min_freq} and {@code max_freq}
 * (HTK mel scale, as Keras's {@code linear_to_mel_weight_matrix}) and, with {@code power_to_db},
 * converted to decibels relative to {@code ref_power}, floored at {@code min_power} and clipped to
 * {@code top_db} below the maximum of the whole batch (as Keras does). Output
 * {@code (batch, num_mel_bins, frames)}. Built from described ops, so differentiable.
 */
public class MelSpectrogram extends Layer {
  private static final double MEL_BREAK_FREQUENCY_HERTZ = 700.0;
  private static final double MEL_HIGH_FREQUENCY_Q = 1127.0;

  private final int fftLength;
  private final int sequenceStride;
  private final int sequenceLength;
  private final String window;
  private final double samplingRate;
  private final int numMelBins;
  private final double minFreq;
  private final double maxFreq;
  private final boolean powerToDb;
  private final double topDb;
  private final double magExp;
  private final double minPower;
  private final double refPower;

  /**
   * Keras's {@code MelSpectrogram} with every argument.
   *
   * @param fftLength the DFT size
   * @param sequenceStride the hop between frames
   * @param sequenceLength the samples per frame (at most {@code fft_length}), or null for {@code fft_length}
   * @param window {@code "hann"}, {@code "hamming"} or null
   * @param samplingRate the audio's sampling rate in Hz
   * @param numMelBins the number of mel bands
   * @param minFreq the lowest band edge in Hz
   * @param maxFreq the highest band edge in Hz, or null for half the sampling rate
   * @param powerToDb whether to convert to decibels
   * @param topDb the dynamic range kept below the maximum, in dB
   * @param magExp the exponent of the magnitude
   * @param minPower the floor of the power before the logarithm
   * @param refPower the reference power of 0 dB
   */
  public MelSpectrogram(int fftLength, int sequenceStride, Integer sequenceLength, String window, double samplingRate,
      int numMelBins, double minFreq, Double maxFreq, boolean powerToDb, double topDb, double magExp, double minPower,
      double refPower) {
    this.fftLength = Args.positive(className(), "fft_length", fftLength);
    this.sequenceStride = Args.positive(className(), "sequence_stride", sequenceStride);
    this.sequenceLength = sequenceLength == null ? fftLength : Args.positive(className(), "sequence_length", sequenceLength);
    if (this.fftLength < this.sequenceLength) {
      throw new ConfigException("MelSpectrogram 'fft_length' must be at least 'sequence_length' ("
          + this.sequenceLength + "), got " + fftLength);
    }
    if (window != null && !window.equals("hann") && !window.equals("hamming")) {
      throw new ConfigException("MelSpectrogram 'window' must be \"hann\", \"hamming\" or null, got '" + window + "'");
    }
    if (!(samplingRate > 0)) {
      throw new ConfigException("MelSpectrogram 'sampling_rate' must be positive, got " + samplingRate);
    }
    this.window = window;
    this.samplingRate = samplingRate;
    this.numMelBins = Args.positive(className(), "num_mel_bins", numMelBins);
    this.minFreq = minFreq;
    this.maxFreq = maxFreq != null ? maxFreq : (int) (samplingRate / 2);
    if (!(this.minFreq >= 0 && this.minFreq < this.maxFreq)) {
      throw new ConfigException("MelSpectrogram needs 0 <= 'min_freq' < 'max_freq', got " + minFreq + " and "
          + this.maxFreq);
    }
    this.powerToDb = powerToDb;
    this.topDb = topDb;
    this.magExp = magExp;
    if (!(minPower > 0)) {
      throw new ConfigException("MelSpectrogram 'min_power' must be positive, got " + minPower);
    }
    this.minPower = minPower;
    this.refPower = refPower;
  }

  /** Keras's defaults: 2048-point FFT, hop 512, hann, 16 kHz, 128 mel bins from 20 Hz, decibels. */
  public MelSpectrogram() {
    this(2048, 512, null, "hann", 16000, 128, 20.0, null, true, 80.0, 2.0, 1e-10, 1.0);
  }

  private static double hertzToMel(double hz) {
    return MEL_HIGH_FREQUENCY_Q * Math.log(1.0 + hz / MEL_BREAK_FREQUENCY_HERTZ);
  }

  /**
   * Keras's {@code linear_to_mel_weight_matrix}: {@code (spectrogramBins, numMelBins)} triangular
   * weights, the DC row zero.
   *
   * @param spectrogramBins the number of STFT bins
   * @return the weights, row-major
   */
  double[] melWeights(int spectrogramBins) {
    double nyquist = samplingRate / 2.0;
    double lowMel = hertzToMel(minFreq);
    double highMel = hertzToMel(maxFreq);
    double[] edges = new double[numMelBins + 2];
    for (int i = 0; i < edges.length; i++) {
      edges[i] = lowMel + (highMel - lowMel) * i / (numMelBins + 1);
    }
    double[] w = new double[spectrogramBins * numMelBins];
    for (int k = 1; k < spectrogramBins; k++) {
      double mel = hertzToMel(nyquist * k / (spectrogramBins - 1));
      for (int m = 0; m < numMelBins; m++) {
        double lower = (mel - edges[m]) / (edges[m + 1] - edges[m]);
        double upper = (edges[m + 2] - mel) / (edges[m + 2] - edges[m + 1]);
        w[k * numMelBins + m] = Math.max(0, Math.min(lower, upper));
      }
    }
    return w;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    if (x.rank() != 1 && x.rank() != 2) {
      throw new IncompatibleInputException("Layer '" + callPath() + "' (MelSpectrogram) takes audio of shape "
          + "(batch, samples) or (samples), got " + x.shape());
    }
    DType work = computeDtype() == DType.FLOAT64 ? DType.FLOAT64 : DType.FLOAT32;
    Tensor in = MathOps.cast(x, work);
    Tensor[] stft = SignalOps.stft(in, sequenceLength, sequenceStride, fftLength, window, true);
    Tensor spec = MathOps.sqrt(MathOps.add(MathOps.square(stft[0]), MathOps.square(stft[1])));
    spec = MathOps.pow(spec, magExp);
    int bins = fftLength / 2 + 1;
    Tensor weights = Tracer.literal(Tensor.of(Nd4j.create(melWeights(bins), new long[] {bins, numMelBins},
        DataType.DOUBLE).castTo(work.nd4j())));
    Tensor out = LinalgOps.matmul(spec, weights);
    if (powerToDb) {
      out = dbScale(out);
    }
    int r = out.rank();
    int[] perm = new int[r];
    for (int i = 0; i < r; i++) {
      perm[i] = i;
    }
    perm[r - 1] = r - 2;
    perm[r - 2] = r - 1;
    return MathOps.cast(ArrayOps.transpose(out, perm), computeDtype());
  }

  /** Decibels of the power relative to {@code ref_power}, clipped {@code top_db} below the batch maximum. */
  private Tensor dbScale(Tensor power) {
    double ln10 = Math.log(10);
    Tensor db = MathOps.mul(MathOps.log(MathOps.maximum(power, Tracer.literal(Tensor.scalar(minPower)))), 10.0 / ln10);
    db = MathOps.add(db, -10.0 * Math.log10(Math.max(Math.abs(refPower), minPower)));
    int[] all = new int[db.rank()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    Tensor floor = MathOps.add(Ops.max(db, all), -topDb);
    return MathOps.maximum(db, floor);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("fft_length", fftLength).put("sequence_stride", sequenceStride)
        .put("sequence_length", sequenceLength)
        .put("window", window == null ? JsonNull.INSTANCE : new JsonPrimitive(window))
        .put("sampling_rate", number(samplingRate)).put("num_mel_bins", numMelBins).put("min_freq", minFreq)
        .put("max_freq", number(maxFreq)).put("power_to_db", powerToDb).put("top_db", topDb).put("mag_exp", magExp)
        .put("min_power", minPower).put("ref_power", refPower);
  }

  /** Whole numbers as integers (Keras's default {@code max_freq} is {@code int(sampling_rate / 2)}). */
  private static JsonPrimitive number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? new JsonPrimitive((long) v)
        : new JsonPrimitive(v);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code MelSpectrogram.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static MelSpectrogram fromConfig(Config c) {
    JsonElement w = c.getOrNull("window");
    if (w != null && !w.isJsonNull() && !(w.isJsonPrimitive() && w.getAsJsonPrimitive().isString())) {
      throw new ConfigException("MelSpectrogram 'window' must be \"hann\", \"hamming\" or null, got " + w);
    }
    return new MelSpectrogram(c.getInt("fft_length", 2048), c.getInt("sequence_stride", 512),
        c.isSet("sequence_length") ? c.getInt("sequence_length") : null,
        w == null ? "hann" : w.isJsonNull() ? null : w.getAsString(), c.getDouble("sampling_rate", 16000),
        c.getInt("num_mel_bins", 128), c.getDouble("min_freq", 20.0),
        c.isSet("max_freq") ? c.getDouble("max_freq") : null, c.getBoolean("power_to_db", true),
        c.getDouble("top_db", 80.0), c.getDouble("mag_exp", 2.0), c.getDouble("min_power", 1e-10),
        c.getDouble("ref_power", 1.0)).withBaseConfig(c);
  }
}

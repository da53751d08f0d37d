package org.jeras.layers.preprocessing;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.graph.Tracer;
import org.jeras.core.initializers.STFT;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.InputSpec;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.Ops;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;

/**
 * Keras's {@code STFTSpectrogram}: the short-time Fourier transform of each channel of a
 * {@code (batch, time, channels)} signal ({@code (batch, channels, time)} channels first), as
 * Keras computes it: a strided 1-D convolution of frames of {@code frame_length} samples with the
 * trainable kernels {@code real_kernel} / {@code imag_kernel} ({@code (frame_length, 1,
 * fft_length / 2 + 1)}, initialized by the {@link STFT} initializer to the windowed DFT basis).
 * Modes: {@code real}, {@code imag}, {@code stft} (both, concatenated per channel), {@code angle},
 * {@code psd} (power, inner bins doubled), {@code magnitude} and {@code log}. Output
 * {@code (batch, frames, channels * bins)}, or {@code (batch, frames, bins, channels)} with
 * {@code expand_dims} (channels first: {@code (batch, channels * bins, frames)} /
 * {@code (batch, channels, frames, bins)}).
 */
public class STFTSpectrogram extends Layer {
  private static final List<String> MODES = List.of("log", "magnitude", "psd", "real", "imag", "angle", "stft");
  /** Keras's {@code backend.epsilon()}, the floor of the power and magnitude before sqrt and log. */
  private static final double EPSILON = 1e-7;

  private final String mode;
  private final int frameLength;
  private final Integer frameStep;
  private final Integer fftLength;
  private final String window;
  private final boolean periodic;
  private final String scaling;
  private final String padding;
  private final boolean expandDims;
  private final String dataFormat;
  private Variable realKernel;
  private Variable imagKernel;

  /**
   * Keras's {@code STFTSpectrogram} with every argument.
   *
   * @param mode {@code log, magnitude, psd, real, imag, angle} or {@code stft}
   * @param frameLength the samples per frame
   * @param frameStep the hop between frames, or null for {@code frame_length / 2}
   * @param fftLength the DFT size (at least {@code frame_length}), or null for the next power of two
   * @param window a scipy window name, or null for none
   * @param periodic whether the window is periodic rather than symmetric
   * @param scaling {@code "density"}, {@code "spectrum"} or null
   * @param padding {@code "valid"} or {@code "same"}
   * @param expandDims whether channels get their own axis
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public STFTSpectrogram(String mode, int frameLength, Integer frameStep, Integer fftLength, String window,
      boolean periodic, String scaling, String padding, boolean expandDims, String dataFormat) {
    String layer = "STFTSpectrogram";
    if (!MODES.contains(mode)) {
      throw new ConfigException(layer + " 'mode' must be one of " + String.join(", ", MODES) + ", got '" + mode + "'");
    }
    this.frameLength = Args.positive(className(), "frame_length", frameLength);
    if (frameStep != null && (frameStep < 1 || frameStep > frameLength)) {
      throw new ConfigException(layer + " 'frame_step' must be in [1, frame_length=" + frameLength + "], got "
          + frameStep);
    }
    if (fftLength != null && fftLength < frameLength) {
      throw new ConfigException(layer + " 'fft_length' must be at least frame_length=" + frameLength + ", got "
          + fftLength);
    }
    if (!"valid".equals(padding) && !"same".equals(padding)) {
      throw new ConfigException(layer + " 'padding' must be 'valid' or 'same', got '" + padding + "'");
    }
    if (!"channels_last".equals(dataFormat) && !"channels_first".equals(dataFormat)) {
      throw new ConfigException(layer + " 'data_format' must be 'channels_last' or 'channels_first', got '"
          + dataFormat + "'");
    }
    // The initializer checks the window name and the scaling, with a typed error naming the key.
    new STFT("real", window, scaling, periodic);
    this.mode = mode;
    this.frameStep = frameStep;
    this.fftLength = fftLength;
    this.window = window;
    this.periodic = periodic;
    this.scaling = scaling;
    this.padding = padding;
    this.expandDims = expandDims;
    this.dataFormat = dataFormat;
    setInputSpec(InputSpec.ndim(3));
  }

  /**
   * Keras's defaults for a frame length: log mode, half-frame hop, hann window, density scaling.
   *
   * @param frameLength the samples per frame
   */
  public STFTSpectrogram(int frameLength) {
    this("log", frameLength, null, null, "hann", false, "density", "valid", false, "channels_last");
  }

  private int step() {
    return frameStep != null ? frameStep : frameLength / 2;
  }

  private int fft() {
    if (fftLength != null) {
      return fftLength;
    }
    int n = 1;
    while (n < frameLength) {
      n *= 2;
    }
    return n;
  }

  @Override
  protected void build(Shape inputShape) {
    long[] shape = {frameLength, 1, fft() / 2 + 1};
    if (!mode.equals("imag")) {
      realKernel = addWeight("real_kernel", shape, new STFT("real", window, scaling, periodic));
    }
    if (!mode.equals("real")) {
      imagKernel = addWeight("imag_kernel", shape, new STFT("imag", window, scaling, periodic));
    }
  }

  /** Frames of every channel convolved with {@code kernel}: {@code (batch, channels, bins, frames)}. */
  private Tensor applyConv(Tensor x, Variable kernel) {
    long[] s = x.value().shape();
    boolean last = dataFormat.equals("channels_last");
    long batch = s[0];
    long channels = last ? s[2] : s[1];
    long time = last ? s[1] : s[2];
    Tensor signal = last ? ArrayOps.transpose(x, 0, 2, 1) : x;
    signal = ArrayOps.reshape(signal, batch * channels, time, 1);
    Tensor k = MathOps.cast(kernel.read(), x.dtype());
    Tensor out = Ops.conv(signal, k, step(), padding, 1);
    long frames = out.value().size(1);
    long bins = out.value().size(2);
    out = ArrayOps.transpose(out, 0, 2, 1);
    return ArrayOps.reshape(out, batch, channels, bins, frames);
  }

  /** {@code (batch, channels, bins, frames)} laid out as the data format and {@code expand_dims} say. */
  private Tensor adjust(Tensor t) {
    long[] s = t.value().shape();
    if (dataFormat.equals("channels_last")) {
      if (expandDims) {
        return ArrayOps.transpose(t, 0, 3, 2, 1);
      }
      return ArrayOps.transpose(ArrayOps.reshape(t, s[0], s[1] * s[2], s[3]), 0, 2, 1);
    }
    if (expandDims) {
      return ArrayOps.transpose(t, 0, 1, 3, 2);
    }
    return ArrayOps.reshape(t, s[0], s[1] * s[2], s[3]);
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    Tensor real = mode.equals("imag") ? null : applyConv(x, realKernel);
    Tensor imag = mode.equals("real") ? null : applyConv(x, imagKernel);
    switch (mode) {
      case "real":
        return adjust(real);
      case "imag":
        return adjust(imag);
      case "angle":
        return adjust(MathOps.atan2(imag, real));
      case "stft":
        return adjust(Ops.concatenate(List.of(real, imag), 2));
      default:
        break;
    }
    Tensor power = MathOps.add(MathOps.square(real), MathOps.square(imag));
    if (mode.equals("psd")) {
      long[] s = power.value().shape();
      // Keras doubles the bins strictly between DC and Nyquist (one-sided spectrum).
      Tensor inner = ArrayOps.slice(power, 2, 1, Math.max(1, s[2] - 1));
      Tensor padded = Ops.pad(inner, new long[][] {{0, 0}, {0, 0}, {1, 1}, {0, 0}});
      return adjust(MathOps.add(power, padded));
    }
    Tensor magnitude = adjust(MathOps.sqrt(MathOps.maximum(power, Tracer.literal(Tensor.scalar(EPSILON)))));
    if (mode.equals("magnitude")) {
      return magnitude;
    }
    return MathOps.log(MathOps.maximum(magnitude, Tracer.literal(Tensor.scalar(EPSILON))));
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("mode", mode).put("frame_length", frameLength).put("frame_step", frameStep)
        .put("fft_length", fftLength).put("window", window == null ? JsonNull.INSTANCE : new JsonPrimitive(window))
        .put("periodic", periodic)
        .put("scaling", scaling == null ? JsonNull.INSTANCE : new JsonPrimitive(scaling))
        .put("padding", padding).put("data_format", dataFormat).put("expand_dims", expandDims);
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code STFTSpectrogram.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static STFTSpectrogram fromConfig(Config c) {
    JsonElement w = c.getOrNull("window");
    if (w != null && !w.isJsonNull() && !(w.isJsonPrimitive() && w.getAsJsonPrimitive().isString())) {
      throw new ConfigException("STFTSpectrogram 'window' must be a window name or null, got " + w);
    }
    JsonElement sc = c.getOrNull("scaling");
    return new STFTSpectrogram(c.getString("mode", "log"), c.getInt("frame_length", 256),
        c.isSet("frame_step") ? c.getInt("frame_step") : null, c.isSet("fft_length") ? c.getInt("fft_length") : null,
        w == null ? "hann" : w.isJsonNull() ? null : w.getAsString(), c.getBoolean("periodic", false),
        sc == null ? "density" : sc.isJsonNull() ? null : sc.getAsString(), c.getString("padding", "valid"),
        c.getBoolean("expand_dims", false), c.getString("data_format", "channels_last")).withBaseConfig(c);
  }
}

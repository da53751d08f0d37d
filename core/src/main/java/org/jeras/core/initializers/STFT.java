package org.jeras.core.initializers;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.tensor.DType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's {@code STFT} initializer (the kernel of {@code STFTSpectrogram}): for a shape
 * {@code (T, C, F)} the real ({@code side="real"}) or imaginary part of the DFT basis
 * {@code exp(-2 pi i t f / (2 (F - 1)))}, times a window over t divided by its L2 norm
 * ({@code scaling="density"}) or L1 norm ({@code "spectrum"}). Windows: null, a list of T values,
 * or the scipy names {@code boxcar, hann, hamming, blackman, bartlett} (symmetric, or periodic
 * when {@code periodic} is true, as scipy's {@code get_window}).
 */
public final class STFT implements Initializer {
  private static final List<String> WINDOWS = List.of("boxcar", "hann", "hamming", "blackman", "bartlett");

  private final String side;
  private final JsonElement window;
  private final String scaling;
  private final boolean periodic;

  private STFT(String side, JsonElement window, String scaling, boolean periodic) {
    if (!side.equals("real") && !side.equals("imag")) {
      throw new ConfigException("Config key 'side' must be \"real\" or \"imag\", got '" + side + "'");
    }
    if (window.isJsonPrimitive() && !WINDOWS.contains(window.getAsString())) {
      throw new ConfigException("Config key 'window' names an unsupported window '" + window.getAsString()
          + "'; Jeras supports " + WINDOWS + ", a list of values or null");
    }
    if (scaling != null && !scaling.equals("density") && !scaling.equals("spectrum")) {
      throw new ConfigException("Config key 'scaling' must be \"density\", \"spectrum\" or null, got '" + scaling + "'");
    }
    this.side = side;
    this.window = window.deepCopy();
    this.scaling = scaling;
    this.periodic = periodic;
  }

  /**
   * Keras's {@code STFT(side, window, scaling, periodic)} with a named window.
   *
   * @param window a scipy window name or null for none
   * @param side {@code "real"} or {@code "imag"}
   * @param scaling {@code "density"}, {@code "spectrum"} or null
   * @param periodic whether the window is periodic rather than symmetric
   */
  public STFT(String side, String window, String scaling, boolean periodic) {
    this(side, window == null ? JsonNull.INSTANCE : new JsonPrimitive(window), scaling, periodic);
  }

  /** Keras's defaults: real part, hann window, density scaling, symmetric. */
  public STFT() {
    this("real", "hann", "density", false);
  }

  /**
   * Rebuilds a initializer from its config (Keras's {@code STFT.from_config}).
   *
   * @param c the initializer's config
   * @return the initializer
   */
  public static STFT fromConfig(Config c) {
    JsonElement window = c.has("window") ? c.get("window") : new JsonPrimitive("hann");
    if (!window.isJsonNull() && !window.isJsonArray()
        && !(window.isJsonPrimitive() && window.getAsJsonPrimitive().isString())) {
      throw new ConfigException("Config key 'window' must be a window name, a list of numbers or null, got " + window);
    }
    return new STFT(c.getString("side", "real"), window, c.has("scaling") ? c.getString("scaling", null) : "density",
        c.getBoolean("periodic", false));
  }

  @Override
  public INDArray generate(long[] shape, DType dtype) {
    if (shape.length != 3) {
      throw new IllegalArgumentException("STFT needs a shape (frame_length, channels, bins), got rank " + shape.length);
    }
    int frames = Math.toIntExact(shape[0]);
    int bins = Math.toIntExact(shape[2]);
    double[] win = windowValues(frames);
    double scale = 1.0;
    if (win != null && scaling != null) {
      double s = 0;
      for (double w : win) {
        s += scaling.equals("density") ? w * w : Math.abs(w);
      }
      scale = scaling.equals("density") ? Math.sqrt(s) : s;
    }
    double fftLength = (bins - 1) * 2.0;
    double[] kernel = new double[frames * bins];
    for (int t = 0; t < frames; t++) {
      for (int f = 0; f < bins; f++) {
        double arg = -2.0 * t * (f / fftLength) * Math.PI;
        double v = side.equals("real") ? Math.cos(arg) : Math.sin(arg);
        kernel[t * bins + f] = win == null ? v : v * win[t] / scale;
      }
    }
    INDArray k = Nd4j.createFromArray(kernel).reshape(frames, 1, bins);
    return k.broadcast(shape).dup().castTo(dtype.nd4j());
  }

  private double[] windowValues(int frames) {
    if (window.isJsonNull()) {
      return null;
    }
    if (window.isJsonArray()) {
      JsonArray a = window.getAsJsonArray();
      if (a.size() != frames) {
        throw new IllegalArgumentException("The STFT window has " + a.size() + " values, the frame length is " + frames);
      }
      double[] w = new double[frames];
      for (int i = 0; i < frames; i++) {
        w[i] = a.get(i).getAsDouble();
      }
      return w;
    }
    return scipyWindow(window.getAsString(), frames, periodic);
  }

  /** scipy's {@code get_window(name, n, fftbins=periodic)} for the supported names. */
  static double[] scipyWindow(String name, int n, boolean periodic) {
    if (n == 1) {
      return new double[] {1.0};
    }
    int m = periodic ? n + 1 : n; // a periodic window is the symmetric one of n + 1 points, truncated
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double phase = 2 * Math.PI * i / (m - 1);
      w[i] = switch (name) {
        case "boxcar" -> 1.0;
        case "hann" -> 0.5 - 0.5 * Math.cos(phase);
        case "hamming" -> 0.54 - 0.46 * Math.cos(phase);
        case "blackman" -> 0.42 - 0.5 * Math.cos(phase) + 0.08 * Math.cos(2 * phase);
        case "bartlett" -> 1 - Math.abs(2.0 * i / (m - 1) - 1);
        default -> throw new IllegalArgumentException("Unsupported window " + name);
      };
    }
    return w;
  }

  @Override
  public Config getConfig() {
    return Config.empty().put("side", side).put("window", window.deepCopy()).put("periodic", periodic)
        .put("scaling", scaling);
  }
}

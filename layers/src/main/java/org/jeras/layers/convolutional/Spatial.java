package org.jeras.layers.convolutional;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.util.Arrays;
import org.jeras.core.config.Config;
import org.jeras.core.config.InvalidConfigException;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.ConvOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;

/**
 * What the spatial layers (convolution, pooling, cropping, padding, upsampling) share: the
 * {@code data_format} switch (the math runs channels_last), Keras's {@code padding} modes, and
 * reading int tuples from configs with clear errors.
 */
public final class Spatial {
  /** Keras's {@code data_format} with channels on the last axis (the default). */
  public static final String CHANNELS_LAST = "channels_last";
  /** Keras's {@code data_format} with channels after the batch axis. */
  public static final String CHANNELS_FIRST = "channels_first";

  private Spatial() {}

  /**
   * Validates a {@code data_format} value (null means Keras's default, channels_last).
   *
   * @param value the value
   * @return the data format
   */
  public static String dataFormat(String value) {
    if (value == null) {
      return CHANNELS_LAST;
    }
    if (!CHANNELS_LAST.equals(value) && !CHANNELS_FIRST.equals(value)) {
      throw new InvalidConfigException("data_format", "Config key 'data_format' must be 'channels_last' or 'channels_first', got '"
          + value + "'");
    }
    return value;
  }

  /**
   * {@return {@code data_format} of a config (absent or null: channels_last)}
   *
   * @param c the layer's config
   */
  public static String dataFormat(Config c) {
    return dataFormat(c.isSet("data_format") ? c.getString("data_format") : null);
  }

  /**
   * Validates a {@code padding} value against the modes a layer accepts.
   *
   * @param value the padding
   * @param allowed the modes the layer accepts
   * @return the padding
   */
  public static String padding(String value, String... allowed) {
    String v = value == null ? null : value.toLowerCase();
    for (String a : allowed) {
      if (a.equals(v)) {
        return v;
      }
    }
    throw new InvalidConfigException("padding", "Config key 'padding' must be one of " + String.join(", ", allowed) + ", got '"
        + value + "'");
  }

  /**
   * {@return {@code x} with channels on the last axis}
   *
   * @param x the input
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public static Tensor toChannelsLast(Tensor x, String dataFormat) {
    if (CHANNELS_LAST.equals(dataFormat)) {
      return x;
    }
    int r = x.rank();
    int[] perm = new int[r];
    perm[0] = 0;
    for (int i = 1; i < r - 1; i++) {
      perm[i] = i + 1;
    }
    perm[r - 1] = 1;
    return ArrayOps.transpose(x, perm);
  }

  /**
   * The inverse of {@link #toChannelsLast}.
   *
   * @param y the output, channels last
   * @param dataFormat the layer's data format
   * @return the output in that format
   */
  public static Tensor fromChannelsLast(Tensor y, String dataFormat) {
    if (CHANNELS_LAST.equals(dataFormat)) {
      return y;
    }
    int r = y.rank();
    int[] perm = new int[r];
    perm[0] = 0;
    perm[1] = r - 1;
    for (int i = 2; i < r; i++) {
      perm[i] = i - 1;
    }
    return ArrayOps.transpose(y, perm);
  }

  /**
   * {@return the channel axis of an input of {@code rank} dims}
   *
   * @param rank the rank
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   */
  public static int channelAxis(int rank, String dataFormat) {
    return CHANNELS_LAST.equals(dataFormat) ? rank - 1 : 1;
  }

  /**
   * Explicit {@code {before, after}} zeros per spatial axis of a channels_last input for Keras's
   * {@code "valid"}, {@code "same"} or {@code "causal"} (all zeros before) padding.
   *
   * @param padding the padding mode
   * @param channelsLastShape the input's shape, channels last
   * @param kernel the window size of each spatial axis
   * @param strides the stride of each spatial axis
   * @param dilation the dilation of each spatial axis
   * @return the {@code {before, after}} zeros of each spatial axis
   */
  public static int[][] pads(String padding, long[] channelsLastShape, int[] kernel, int[] strides, int[] dilation) {
    return ConvOps.explicitPads(padding, channelsLastShape, kernel, strides, dilation);
  }

  /** The length of spatial axis {@code axis} (0-based) of an output for an input length {@code in} (known). */
  @FunctionalInterface
  public interface AxisLength {
    /**
     * {@return the output length}
     *
     * @param axis the spatial axis, 0-based
     * @param in the input length
     */
    long apply(int axis, long in);
  }

  /**
   * The symbolic output of a spatial layer: each known spatial length mapped by {@code length}
   * (unknown stays unknown), the channel axis set to {@code channels} (or kept when negative).
   *
   * @param x the input
   * @param dataFormat the layer's data format
   * @param dtype the output's dtype
   * @param length the output length of each spatial axis
   * @param channels the output channels
   * @return the symbolic output
   */
  public static Tensor outputSpec(Tensor x, String dataFormat, DType dtype, AxisLength length, long channels) {
    long[] d = x.shape().dims();
    int r = d.length - 2;
    int first = CHANNELS_LAST.equals(dataFormat) ? 1 : 2;
    for (int i = 0; i < r; i++) {
      if (d[first + i] >= 0) {
        d[first + i] = length.apply(i, d[first + i]);
      }
    }
    if (channels >= 0) {
      d[channelAxis(d.length, dataFormat)] = channels;
    }
    return Tensor.symbolic(Shape.of(d), dtype, null);
  }

  /**
   * {@return {@code rank} copies of 1}
   *
   * @param rank the rank
   */
  public static int[] ones(int rank) {
    int[] a = new int[rank];
    Arrays.fill(a, 1);
    return a;
  }

  /**
   * An int tuple of {@code rank} entries; a single int is repeated, as Keras's {@code standardize_tuple}.
   *
   * @param c the layer's config
   * @param key the key
   * @param rank the tuple's length
   * @return the tuple
   */
  public static int[] tuple(Config c, String key, int rank) {
    int[] v = c.getInts(key, rank);
    for (int x : v) {
      if (x < 0) {
        throw new InvalidConfigException(key, "Config key '" + key + "' must hold non-negative integers, got " + c.get(key));
      }
    }
    return v;
  }

  /**
   * Per-axis {@code {before, after}} pairs (cropping, zero padding): an int {@code n} means
   * {@code n} everywhere, a list of {@code rank} ints means symmetric per axis, a list of pairs is
   * taken as is; for rank 1 a pair is {@code {before, after}}.
   *
   * @param c the layer's config
   * @param key the key
   * @param rank the number of spatial axes
   * @return the pairs
   */
  public static int[][] pairs(Config c, String key, int rank) {
    JsonElement e = c.get(key);
    int[][] out = new int[rank][2];
    try {
      if (e.isJsonPrimitive()) {
        int n = Config.toInt(key, e);
        for (int[] p : out) {
          p[0] = n;
          p[1] = n;
        }
      } else if (rank == 1) {
        JsonArray a = e.getAsJsonArray();
        if (a.size() != 2) {
          throw new InvalidConfigException(key, "Config key '" + key + "' needs two integers, got " + e);
        }
        out[0][0] = Config.toInt(key, a.get(0));
        out[0][1] = Config.toInt(key, a.get(1));
      } else {
        JsonArray a = e.getAsJsonArray();
        if (a.size() != rank) {
          throw new InvalidConfigException(key, "Config key '" + key + "' needs " + rank + " entries, got " + e);
        }
        for (int d = 0; d < rank; d++) {
          JsonElement x = a.get(d);
          if (x.isJsonPrimitive()) {
            out[d][0] = Config.toInt(key, x);
            out[d][1] = out[d][0];
          } else {
            JsonArray p = x.getAsJsonArray();
            if (p.size() != 2) {
              throw new InvalidConfigException(key, "Config key '" + key + "' needs pairs, got " + e);
            }
            out[d][0] = Config.toInt(key, p.get(0));
            out[d][1] = Config.toInt(key, p.get(1));
          }
        }
      }
    } catch (IllegalStateException | UnsupportedOperationException ex) {
      throw new InvalidConfigException(key, "Config key '" + key + "' must hold integers, got " + e);
    }
    return out;
  }

  /**
   * Writes pairs as Keras stores them: {@code [a, b]} for rank 1, {@code [[a, b], ...]} otherwise.
   *
   * @param pairs the pairs
   * @return the JSON
   */
  public static JsonArray pairsJson(int[][] pairs) {
    if (pairs.length == 1) {
      JsonArray a = new JsonArray();
      a.add(pairs[0][0]);
      a.add(pairs[0][1]);
      return a;
    }
    JsonArray out = new JsonArray();
    for (int[] p : pairs) {
      JsonArray a = new JsonArray();
      a.add(p[0]);
      a.add(p[1]);
      out.add(a);
    }
    return out;
  }
}

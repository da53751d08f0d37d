package org.jeras.layers.reshaping;

import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.graph.Tracer;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.InputSpec;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.LinalgOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.convolutional.Spatial;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's UpSampling1D/2D/3D: each spatial axis grows by an integer factor, by repeating entries
 * ({@code "nearest"}) or by linear interpolation with half-pixel centers ({@code "bilinear"}, as
 * Keras's {@code ops.image.resize}; sample points beyond the edges clamp to the edge entries).
 */
public abstract class BaseUpSampling extends Layer {
  /** The repetition factor of each spatial axis. */
  protected final int[] size;
  /** Keras's {@code data_format}. */
  protected final String dataFormat;
  /** Keras's {@code interpolation}. */
  protected final String interpolation;

  /**
   * An upsampling layer.
   *
   * @param size the repetition factor of each spatial axis
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
   * @param interpolation {@code "nearest"} or {@code "bilinear"}
   */
  protected BaseUpSampling(int[] size, String dataFormat, String interpolation) {
    if (!"nearest".equals(interpolation) && !"bilinear".equals(interpolation)) {
      throw new ConfigException("'interpolation' must be 'nearest' or 'bilinear', got '" + interpolation + "'");
    }
    this.size = Args.positive(className(), "size", size, 0);
    this.dataFormat = Spatial.dataFormat(dataFormat);
    setInputSpec(InputSpec.ndim(size.length + 2));
    this.interpolation = interpolation;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    int first = Spatial.CHANNELS_LAST.equals(dataFormat) ? 1 : 2;
    Tensor y = x;
    for (int d = 0; d < size.length; d++) {
      y = "nearest".equals(interpolation) ? ArrayOps.repeat(y, size[d], first + d) : linear(y, first + d, size[d]);
    }
    return y;
  }

  /** Linear interpolation along {@code axis} to {@code factor} times its length: a matmul with the weights. */
  private static Tensor linear(Tensor x, int axis, int factor) {
    int r = x.rank();
    long in = x.shape().get(axis);
    long out = in * factor;
    double[][] weights = new double[(int) in][(int) out];
    for (int j = 0; j < out; j++) {
      double src = Math.max((j + 0.5) / factor - 0.5, 0.0);
      int i0 = (int) Math.floor(src);
      int i1 = (int) Math.min(i0 + 1, in - 1);
      double frac = src - i0;
      weights[i0][j] += 1 - frac;
      weights[i1][j] += frac;
    }
    int[] perm = new int[r];
    for (int i = 0; i < r; i++) {
      perm[i] = i;
    }
    perm[axis] = r - 1;
    perm[r - 1] = axis;
    Tensor moved = ArrayOps.transpose(x, perm);
    // Interpolation weights fixed by the (static) spatial size: a constant of a traced graph.
    Tensor w = Tracer.literal(Tensor.of(Nd4j.createFromArray(weights).castTo(x.value().dataType())));
    return ArrayOps.transpose(LinalgOps.matmul(moved, w), perm);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().putInts("size", size).put("data_format", dataFormat);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    buildIfNeeded(inputShape);
    long[] d = inputShape.dims();
    int first = Spatial.CHANNELS_LAST.equals(dataFormat) ? 1 : 2;
    for (int i = 0; i < size.length; i++) {
      if (d[first + i] >= 0) {
        d[first + i] *= size[i];
      }
    }
    return Shape.of(d);
  }
}

package org.jeras.layers.preprocessing;

import org.jeras.core.config.Config;
import org.jeras.core.graph.Tracer;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code x * scale + offset} in the compute dtype (Keras's {@code Rescaling}); {@code scale} and
 * {@code offset} are numbers or arrays broadcast against the input's trailing axes.
 */
public class Rescaling extends Layer {
  private final INDArray scale;
  private final INDArray offset;

  /**
   * Keras's {@code Rescaling(scale, offset)}: {@code x * scale + offset}.
   *
   * @param scale the factor
   * @param offset the value added after scaling
   */
  public Rescaling(double scale, double offset) {
    this(Nd4j.scalar(scale), Nd4j.scalar(offset));
  }

  /**
   * Per-channel (or any broadcastable) scale and offset.
   *
   * @param scale the factor, broadcast over the input
   * @param offset the value added after scaling, broadcast over the input
   */
  public Rescaling(INDArray scale, INDArray offset) {
    this.scale = scale.castTo(DataType.DOUBLE);
    this.offset = offset.castTo(DataType.DOUBLE);
    this.supportsMasking = true;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    Tensor in = MathOps.cast(x, computeDtype());
    Tensor s = Tracer.literal(Tensor.of(scale.castTo(computeDtype().nd4j())));
    Tensor o = Tracer.literal(Tensor.of(offset.castTo(computeDtype().nd4j())));
    return MathOps.add(MathOps.mul(in, s), o);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("scale", NumericJson.toJson(scale)).put("offset", NumericJson.toJson(offset));
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Rescaling.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Rescaling fromConfig(Config c) {
    INDArray scale = NumericJson.toArray("scale", c.get("scale"));
    INDArray offset = c.isSet("offset") ? NumericJson.toArray("offset", c.get("offset"))
        : Nd4j.scalar(0.0);
    return new Rescaling(scale, offset).withBaseConfig(c);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    buildIfNeeded(inputShape);
    return inputShape;
  }
}

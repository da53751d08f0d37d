package org.jeras.layers.rnn;

import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.DTypePolicy;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code TimeDistributed}: applies the wrapped layer (attribute {@code layer}) to every
 * time step of {@code [batch, time, ...]} by folding time into the batch axis. The inner layer is
 * built for {@code [batch*time, ...]} (unknown when either is unknown), as Keras builds it. As
 * Keras 3.16's (whose {@code supports_masking} is false), its output carries no mask.
 */
public class TimeDistributed extends Layer {
  private final Layer layer;

  /**
   * Keras's {@code TimeDistributed(layer)}.
   *
   * @param layer the layer applied to every time step
   */
  public TimeDistributed(Layer layer) {
    this.layer = track("layer", layer);
  }

  /** {@return the layer applied to every time step} */
  public Layer layer() {
    return layer;
  }

  @Override
  public <L extends Layer> L setDtypePolicy(DTypePolicy policy) {
    layer.setDtypePolicy(policy);
    return super.setDtypePolicy(policy);
  }

  @Override
  protected void build(Shape inputShape) {
    layer.build(foldedShape(inputShape), true);
  }

  private Shape foldedShape(Shape s) {
    if (s.rank() < 3) {
      throw new IllegalArgumentException("Layer '" + name() + "' (TimeDistributed) expects inputs of rank >= 3, got " + s);
    }
    long[] d = s.dims();
    long[] out = new long[d.length - 1];
    out[0] = d[0] == Shape.UNKNOWN || d[1] == Shape.UNKNOWN ? Shape.UNKNOWN : d[0] * d[1];
    System.arraycopy(d, 2, out, 1, d.length - 2);
    return Shape.of(out);
  }

  /** Keras's call takes {@code mask}, so a symbolic call records the mask keyword. */
  @Override
  protected boolean callTakesMask() {
    return true;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    long[] d = x.shape().dims();
    long[] folded = foldedShape(x.shape()).dims();
    Tensor y = layer.apply(CallArgs.of(ArrayOps.reshape(x, folded)), ctx).get(0);
    long[] yd = y.shape().dims();
    long[] out = new long[yd.length + 1];
    out[0] = d[0];
    out[1] = d[1];
    System.arraycopy(yd, 1, out, 2, yd.length - 1);
    return ArrayOps.reshape(y, out);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("layer", Serialization.serialize(layer));
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code TimeDistributed.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static TimeDistributed fromConfig(Config c) {
    if (!c.isSet("layer")) {
      throw new ConfigException("TimeDistributed config needs key 'layer'");
    }
    return new TimeDistributed(Serialization.deserialize(c.get("layer"), Layer.class)).withBaseConfig(c);
  }

  @Override
  public boolean acceptsText() {
    // What the wrapped layer takes, one time step at a time.
    return layer.acceptsText();
  }
}

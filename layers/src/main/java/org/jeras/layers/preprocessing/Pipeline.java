package org.jeras.layers.preprocessing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code Pipeline}: a plain layer (not a model) that applies its layers in order, each to the
 * previous one's output, passing the call's training flag on. Its config holds only {@code layers} and
 * {@code name}, as Keras 3.16's; the layers are saved under the attribute {@code layers}.
 */
public class Pipeline extends Layer {
  private final List<Layer> layers;

  /**
   * Keras's {@code Pipeline(layers)}.
   *
   * @param layers the layers, applied in order
   */
  public Pipeline(List<Layer> layers) {
    this.layers = track("layers", List.copyOf(layers));
  }

  /** {@return the layers, in order} */
  public List<Layer> layers() {
    return layers;
  }

  @Override
  protected void build(Shape inputShape) {
    Shape s = inputShape;
    for (Layer l : layers) {
      l.build(s, true);
      s = l.computeOutputShape(s);
    }
  }

  /** Keras's call takes {@code mask}, so a symbolic call records the mask keyword. */
  @Override
  protected boolean callTakesMask() {
    return true;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    Tensor y = x;
    for (Layer l : layers) {
      y = l.apply(CallArgs.of(y), ctx).get(0);
    }
    return y;
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    Shape s = inputShape;
    for (Layer l : layers) {
      s = l.computeOutputShape(s);
    }
    return s;
  }

  @Override
  public Config getConfig() {
    JsonArray a = new JsonArray();
    for (Layer l : layers) {
      a.add(Serialization.serialize(l));
    }
    return Config.empty().put("layers", a).put("name", name());
  }

  /**
   * Rebuilds a pipeline from its config (Keras's {@code Pipeline.from_config}).
   *
   * @param c the pipeline's config
   * @return the pipeline
   */
  public static Pipeline fromConfig(Config c) {
    JsonElement e = c.isSet("layers") ? c.get("layers") : null;
    if (e == null || !e.isJsonArray()) {
      throw Args.invalid("Pipeline", "layers", "a list of serialized layers", e == null ? "None" : e);
    }
    List<Layer> layers = new ArrayList<>();
    for (JsonElement l : e.getAsJsonArray()) {
      layers.add(Serialization.deserialize(l, Layer.class));
    }
    return new Pipeline(layers).withBaseConfig(c);
  }
}

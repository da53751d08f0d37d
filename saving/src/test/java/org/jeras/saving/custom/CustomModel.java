package org.jeras.saving.custom;

import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.core.Dense;

/**
 * The Keras guide's {@code ComplexModels>CustomModel} (fixture_custom.py), a layer wrapping two
 * layers given to its constructor: {@code first_layer(second_layer(x))}, the second a
 * {@code Dense(8)} by default. Both are serialized whole inside its config.
 */
public final class CustomModel extends Layer {
  private final Layer firstLayer;
  private final Layer secondLayer;

  public CustomModel(Layer firstLayer, Layer secondLayer) {
    this.firstLayer = track("first_layer", firstLayer);
    this.secondLayer = track("second_layer", secondLayer == null ? new Dense(8) : secondLayer);
  }

  public static CustomModel fromConfig(Config c) {
    return new CustomModel(Serialization.deserialize(c.get("first_layer"), Layer.class),
        Serialization.deserialize(c.getOrNull("second_layer"), Layer.class)).withBaseConfig(c);
  }

  @Override
  public String module() {
    return "fixture_custom";
  }

  @Override
  public String registeredName() {
    return "ComplexModels>CustomModel";
  }

  /** Keras builds a layer without a build of its own by tracing its call, which builds both children. */
  @Override
  protected void build(Shape inputShape) {
    firstLayer.computeOutputShape(secondLayer.computeOutputShape(inputShape));
  }

  @Override
  protected Tensor call(Tensor input, CallContext ctx) {
    return firstLayer.apply(secondLayer.apply(input));
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("first_layer", Serialization.serialize(firstLayer))
        .put("second_layer", Serialization.serialize(secondLayer));
  }
}

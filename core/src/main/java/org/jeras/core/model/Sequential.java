package org.jeras.core.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.InputSpec;
import org.jeras.core.layer.DTypePolicy;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;

/** A linear stack of layers, as Keras's {@code Sequential}. */
public class Sequential extends Model {
  private final List<Layer> layers = new ArrayList<>();
  private InputLayer inputLayer;

  /**
   * A sequential model of the given layers, with an automatic name.
   *
   * @param layers the layers, in order (an {@link InputLayer} first fixes the input shape)
   */
  public Sequential(Layer... layers) {
    this(null, layers);
  }

  /**
   * A named sequential model of the given layers.
   *
   * @param name the model's name, or null for an automatic one
   * @param layers the layers, in order
   */
  public Sequential(String name, Layer... layers) {
    if (name != null) {
      setName(name);
    }
    track("layers", this.layers);
    for (Layer l : layers) {
      add(l);
    }
  }

  /**
   * Appends a layer; an {@link InputLayer} (or {@code Input}) fixes the input shape and builds the model.
   *
   * @param layer the layer to append
   * @return this model
   */
  public Sequential add(Layer layer) {
    if (layer instanceof InputLayer in) {
      if (inputLayer != null || !layers.isEmpty()) {
        throw new IllegalArgumentException("An InputLayer can only be the first layer of a Sequential");
      }
      inputLayer = in;
      return this;
    }
    layers.add(layer);
    structureChanged();
    if (inputLayer != null) {
      buildGraph();
    }
    return this;
  }

  /**
   * Adds an input of per-sample {@code shape} (Keras's {@code model.add(Input(shape))}).
   *
   * @param input a symbolic input from {@link Input#of}
   * @return this model
   */
  public Sequential add(Tensor input) {
    if (input.history() == null || !(input.history().layer() instanceof InputLayer in)) {
      throw new IllegalArgumentException("Only a tensor from Input.of(...) can be added to a Sequential");
    }
    return add(in);
  }

  /**
   * Removes the last layer.
   *
   * @return the removed layer
   * @throws IllegalStateException if the model has no layers
   */
  public Layer pop() {
    if (layers.isEmpty()) {
      throw new IllegalStateException("There are no layers in the model");
    }
    Layer removed = layers.remove(layers.size() - 1);
    structureChanged();
    return removed;
  }

  @Override
  public List<Layer> layers() {
    return Collections.unmodifiableList(layers);
  }

  /** {@return the input layer, or null while the input shape is unknown} */
  public InputLayer inputLayer() {
    return inputLayer;
  }

  @Override
  public String module() {
    return "keras";
  }

  @Override
  protected void build(Shape inputShape) {
    if (inputLayer == null) {
      inputLayer = new InputLayer(inputShape, DType.FLOAT32, null);
    }
    buildGraph();
  }

  private void buildGraph() {
    Tensor x = inputLayer.output();
    for (Layer l : layers) {
      if (!l.isBuilt() || l.inboundNodes().isEmpty()) {
        x = l.apply(x);
      } else {
        x = l.computeOutputSpec(CallArgs.of(x)).get(0);
        x = Tensor.symbolic(x.shape(), x.dtype(), null);
      }
    }
    JsonObject bc = new JsonObject();
    bc.add("input_shape", Config.shapeJson(inputLayer.batchShape()));
    markBuilt(bc);
  }

  /** The spec of the model's Input, as a functional model's; none before the input shape is known. */
  @Override
  public List<InputSpec> inputSpec() {
    return inputLayer == null ? List.of() : List.of(ModelInputs.spec(inputLayer.output()));
  }

  @Override
  protected Tensor call(Tensor input, CallContext ctx) {
    Tensor x = inputLayer == null ? input
        : ModelInputs.standardize(List.of(input), List.of(inputLayer.output()), callPath(), false).get(0);
    for (Layer l : layers) {
      x = l.apply(x);
    }
    return x;
  }

  /** Keras's {@code Sequential.call} takes a {@code mask}. */
  @Override
  protected boolean callTakesMask() {
    return true;
  }

  @Override
  public Config getConfig() {
    // Keras serializes the layers before the model's own keys; the order decides which dicts of a
    // shared object (the dtype policy) carry its shared_object_id.
    JsonArray list = new JsonArray();
    if (inputLayer != null) {
      list.add(Serialization.serialize(inputLayer));
    }
    for (Layer l : layers) {
      list.add(Serialization.serialize(l));
    }
    Config c = Config.empty()
        .put("name", name())
        .put("trainable", isTrainable())
        .put("dtype", Serialization.serialize(dtypePolicy()));
    c.put("layers", list);
    if (inputLayer != null) {
      c.putShape("build_input_shape", inputLayer.batchShape());
    }
    return c;
  }

  /**
   * Keras's {@code from_config} of a {@code Sequential} model.
   *
   * @param config the model's config
   * @return the rebuilt model
   */
  public static Sequential fromConfig(Config config) {
    Sequential s = new Sequential(config.getString("name", null));
    if (config.isSet("dtype")) {
      s.setDtypePolicy(DTypePolicy.from(config.get("dtype")));
    }
    for (JsonElement e : config.get("layers").getAsJsonArray()) {
      Layer layer = Serialization.deserialize(e, Layer.class);
      Serialization.inLayer(layer.name(), layer.className(), () -> s.add(layer));
    }
    Shape buildInputShape = config.isSet("build_input_shape") ? config.getShape("build_input_shape") : null;
    if (s.inputLayer == null && buildInputShape != null) {
      s.build(buildInputShape, true);
    }
    s.setTrainable(config.getBoolean("trainable", true));
    return s;
  }
}

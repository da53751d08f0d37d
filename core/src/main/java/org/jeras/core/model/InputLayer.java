package org.jeras.core.model;

import java.util.List;
import java.util.Map;
import org.jeras.core.config.Config;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.KerasHistory;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.LayerNode;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;

/** The entry point of a model's graph: holds the batch shape and dtype of one input (Keras's {@code InputLayer}). */
public final class InputLayer extends Layer {
  private final Shape batchShape;
  private final DType dtype;
  private final boolean sparse;
  private final boolean ragged;
  private final boolean optional;
  private final Tensor output;

  /**
   * Keras's {@code InputLayer(batch_shape, dtype, name)}.
   *
   * @param batchShape the shape including the batch dimension
   * @param dtype the dtype
   * @param name the layer's name, or null for an automatic one
   */
  public InputLayer(Shape batchShape, DType dtype, String name) {
    this(batchShape, dtype, name, false, false, false);
  }

  private InputLayer(Shape batchShape, DType dtype, String name, boolean sparse, boolean ragged, boolean optional) {
    if (name != null) {
      setName(name);
    }
    this.batchShape = batchShape;
    this.dtype = dtype;
    this.sparse = sparse;
    this.ragged = ragged;
    this.optional = optional;
    this.output = Tensor.symbolic(batchShape, dtype, new KerasHistory(this, 0, 0));
    markBuilt(null);
    recordInputNode();
  }

  private void recordInputNode() {
    // An input layer's only node has no arguments; its output is the model input.
    registerNode(new LayerNode(this, CallArgs.of(List.of(), Map.of()), List.of(output)));
  }

  /**
   * Keras's {@code from_config} of an {@code InputLayer}.
   *
   * @param c the layer's config
   * @return the input layer
   */
  public static InputLayer fromConfig(Config c) {
    Shape shape = c.isSet("batch_shape") ? c.getShape("batch_shape") : c.getShape("batch_input_shape");
    DType dtype = DType.of(c.isSet("dtype") && c.get("dtype").isJsonPrimitive() ? c.getString("dtype") : "float32");
    return new InputLayer(shape, dtype, c.getString("name", null), c.getBoolean("sparse", false),
        c.getBoolean("ragged", false), c.getBoolean("optional", false));
  }

  /** {@return the input's shape, batch dimension included} */
  public Shape batchShape() {
    return batchShape;
  }

  /** {@return the input's dtype} */
  public DType dtype() {
    return dtype;
  }

  /** The symbolic tensor this layer feeds into the graph. */
  @Override
  public Tensor output() {
    return output;
  }

  @Override
  protected Tensor call(Tensor input, CallContext ctx) {
    return input;
  }

  @Override
  public Config getConfig() {
    return Config.empty()
        .putShape("batch_shape", batchShape)
        .put("dtype", dtype.kerasName())
        .put("sparse", sparse)
        .put("ragged", ragged)
        .put("name", name())
        .put("optional", optional);
  }

  @Override
  public boolean acceptsText() {
    return true;
  }
}

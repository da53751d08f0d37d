package org.jeras.layers.rnn;

import org.jeras.core.layer.InputSpec;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.config.SharingScope;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.DTypePolicy;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.ArrayOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.RnnOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code Bidirectional}: runs a copy of an RNN forwards (attribute {@code forward_layer},
 * named {@code forward_<name>}) and a go-backwards copy or the given {@code backward_layer}
 * (attribute {@code backward_layer}), flips the backward sequence back to time order, and merges
 * them with {@code merge_mode} ({@code concat}, {@code sum}, {@code mul}, {@code ave}, or null for
 * two outputs). With {@code return_state} the forward states then the backward states follow.
 * As Keras, both layers get {@code zero_output_for_mask = return_sequences}.
 */
public class Bidirectional extends SequenceLayer {
  private static final List<String> MODES = Arrays.asList("concat", "sum", "mul", "ave", null);

  private final RNN forwardLayer;
  private final RNN backwardLayer;
  private final String mergeMode;

  /**
   * Wraps {@code layer} with {@code merge_mode="concat"} and an automatic backward copy.
   *
   * @param layer the wrapped layer
   */
  public Bidirectional(RNN layer) {
    this(layer, "concat", null);
  }

  /**
   * Wraps {@code layer}; {@code backwardLayer} may be null for a go-backwards copy of {@code layer}.
   *
   * @param layer the forward recurrent layer
   * @param mergeMode {@code "concat"}, {@code "sum"}, {@code "mul"}, {@code "ave"} or null for a list of both
   *     outputs
   * @param backwardLayer the backward layer, or null
   */
  public Bidirectional(RNN layer, String mergeMode, RNN backwardLayer) {
    if (!MODES.contains(mergeMode)) {
      throw new ConfigException("Invalid merge_mode '" + mergeMode + "'; expected one of concat, sum, mul, ave, null");
    }
    this.mergeMode = mergeMode;
    this.forwardLayer = track("forward_layer", copy(layer, "forward_", false));
    this.backwardLayer = track("backward_layer", backwardLayer != null ? backwardLayer : copy(layer, "backward_", true));
    if (forwardLayer.goBackwards() == this.backwardLayer.goBackwards()) {
      throw new ConfigException("Bidirectional: forward and backward layers must differ in go_backwards");
    }
    if (forwardLayer.returnSequences() != this.backwardLayer.returnSequences()
        || forwardLayer.returnState() != this.backwardLayer.returnState()) {
      throw new ConfigException("Bidirectional: forward and backward layers must agree on return_sequences and return_state");
    }
    forwardLayer.zeroOutputForMask(forwardLayer.returnSequences());
    this.backwardLayer.zeroOutputForMask(this.backwardLayer.returnSequences());
  }

  /**
   * A fresh layer from {@code layer}'s config, renamed with {@code prefix} as Keras does. The copy
   * is made outside any open sharing scope (as Keras's is): inside a load, its dicts would otherwise
   * get shared ids that can equal ids of other objects in the file and be resolved to those.
   */
  private static RNN copy(RNN layer, String prefix, boolean goBackwards) {
    try (SharingScope unshared = SharingScope.suspend()) {
      return copyUnshared(layer, prefix, goBackwards);
    }
  }

  private static RNN copyUnshared(RNN layer, String prefix, boolean goBackwards) {
    JsonObject dict = Serialization.serialize(layer).getAsJsonObject().deepCopy();
    dict.remove("build_config");
    JsonObject config = dict.getAsJsonObject("config");
    String name = layer.name().startsWith(prefix) ? layer.name().substring(prefix.length()) : layer.name();
    config.add("name", new JsonPrimitive(prefix + name));
    if (goBackwards) {
      config.add("go_backwards", new JsonPrimitive(true));
    }
    Layer l = Serialization.deserialize(dict, Layer.class);
    if (!(l instanceof RNN rnn)) {
      throw new ConfigException("Bidirectional wraps recurrent layers, got " + l.className());
    }
    rnn.setDtypePolicy(layer.dtypePolicy());
    return rnn;
  }

  /** {@return the forward layer} */
  public RNN forwardLayer() {
    return forwardLayer;
  }

  /** {@return the backward layer} */
  public RNN backwardLayer() {
    return backwardLayer;
  }

  /** {@return how the two outputs are combined, or null for a list of both} */
  public String mergeMode() {
    return mergeMode;
  }

  @Override
  public <L extends Layer> L setDtypePolicy(DTypePolicy policy) {
    forwardLayer.setDtypePolicy(policy);
    backwardLayer.setDtypePolicy(policy);
    return super.setDtypePolicy(policy);
  }

  /** Keras's Bidirectional takes the wrapped layer's input spec. */
  @Override
  public List<InputSpec> inputSpec() {
    return forwardLayer.inputSpec();
  }

  @Override
  protected void build(Shape sequencesShape) {
    forwardLayer.build(sequencesShape, true);
    backwardLayer.build(sequencesShape, true);
  }

  @Override
  protected List<Tensor> call(CallArgs args, CallContext ctx) {
    Tensor seq = args.tensor(0);
    Tensor mask = args.kwTensor("mask");
    List<Tensor> init = args.kwTensors("initial_state");
    List<Tensor> y = forwardLayer.apply(subCall(seq, mask, init == null ? null : init.subList(0, init.size() / 2)), ctx);
    List<Tensor> yRev = backwardLayer.apply(
        subCall(seq, mask, init == null ? null : init.subList(init.size() / 2, init.size())), ctx);
    Tensor a = y.get(0);
    Tensor b = yRev.get(0);
    if (forwardLayer.returnSequences()) {
      b = RnnOps.reverse(b, 1);
    }
    List<Tensor> out = new ArrayList<>();
    if (mergeMode == null) {
      out.add(a);
      out.add(b);
    } else {
      out.add(switch (mergeMode) {
        case "concat" -> ArrayOps.concat(List.of(a, b), -1);
        case "sum" -> MathOps.add(a, b);
        case "mul" -> MathOps.mul(a, b);
        default -> MathOps.mul(MathOps.add(a, b), 0.5);
      });
    }
    out.addAll(y.subList(1, y.size()));
    out.addAll(yRev.subList(1, yRev.size()));
    return out;
  }

  private static CallArgs subCall(Tensor seq, Tensor mask, List<Tensor> init) {
    Map<String, Object> kwargs = new LinkedHashMap<>();
    if (init != null) {
      kwargs.put("initial_state", init);
    }
    if (mask != null) {
      kwargs.put("mask", mask);
    }
    return CallArgs.of(List.of(seq), kwargs);
  }

  @Override
  public Config getConfig() {
    return super.getConfig()
        .put("merge_mode", mergeMode)
        .put("layer", Serialization.serialize(forwardLayer))
        .put("backward_layer", Serialization.serialize(backwardLayer));
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code Bidirectional.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static Bidirectional fromConfig(Config c) {
    RNN layer = rnn(c, "layer");
    RNN backward = c.isSet("backward_layer") ? rnn(c, "backward_layer") : null;
    String mode = c.has("merge_mode") ? c.getString("merge_mode", null) : "concat";
    return new Bidirectional(layer, mode, backward).withBaseConfig(c);
  }

  private static RNN rnn(Config c, String key) {
    JsonElement e = c.get(key);
    Layer l = Serialization.deserialize(e, Layer.class);
    if (!(l instanceof RNN rnn)) {
      throw new ConfigException("Bidirectional key '" + key + "' must be a recurrent layer, got " + l.className());
    }
    return rnn;
  }
}

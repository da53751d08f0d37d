package org.jeras.layers.core;

import org.jeras.core.layer.InputSpec;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jeras.core.activations.Activation;
import org.jeras.core.activations.Activations;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.initializers.Initializer;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.HasWeightSpecs;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.WeightSpecs;
import org.jeras.core.ops.EinsumOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;

/**
 * {@code activation(einsum(equation, x, kernel) + bias)} (Keras's {@code EinsumDense}): a dense
 * projection over any axes. The equation has the form {@code ab,bc->ac}, {@code ...ab,bc->...ac}
 * or {@code ab...,bc->ac...}; {@code outputShape} gives the output's non-batch, non-ellipsis dims
 * (unknown ones may be {@link Shape#UNKNOWN}); {@code biasAxes} names the output axes the bias
 * spans.
 */
public class EinsumDense extends Layer implements HasWeightSpecs<EinsumDense> {
  private static final Pattern PLAIN = Pattern.compile("([a-zA-Z]+),([a-zA-Z]+)->([a-zA-Z]+)");
  private static final Pattern LEFT_ELIDED = Pattern.compile("0([a-zA-Z]+),([a-zA-Z]+)->0([a-zA-Z]+)");
  private static final Pattern RIGHT_ELIDED = Pattern.compile("([a-zA-Z]{2,})0,([a-zA-Z]+)->([a-zA-Z]+)0");

  private final String equation;
  private final Shape partialOutputShape;
  private final String biasAxes;
  private Activation activation = Activations.LINEAR;
  private final WeightSpecs specs = new WeightSpecs("kernel", "glorot_uniform", "bias", "zeros");
  private Variable kernel;
  private Variable bias;

  /**
   * Keras's {@code EinsumDense(equation, output_shape, bias_axes)}.
   *
   * @param outputShape the output's dims without the batch dim and ellipsis dims
   * @param biasAxes output labels the bias spans, or null for no bias
   * @param equation the einsum equation
   */
  public EinsumDense(String equation, Shape outputShape, String biasAxes) {
    this.equation = equation;
    for (long d : outputShape.dims()) {
      if (d != Shape.UNKNOWN) {
        Args.positive(className(), "output_shape", d);
      }
    }
    this.partialOutputShape = outputShape;
    this.biasAxes = biasAxes;
    checkBiasAxes(match(equation).group(3));
  }

  /**
   * An EinsumDense with a single output dim.
   *
   * @param equation the einsum equation of input and kernel
   * @param outputDim the output size
   * @param biasAxes the output axes the bias spans, or null for no bias
   */
  public EinsumDense(String equation, long outputDim, String biasAxes) {
    this(equation, Shape.of(outputDim), biasAxes);
  }

  /**
   * Sets the activation.
   *
   * @param a the activation
   * @return this layer
   */
  public EinsumDense activation(Activation a) {
    this.activation = a;
    return this;
  }

  /**
   * Sets the activation by name.
   *
   * @param name the activation's name
   * @return this layer
   */
  public EinsumDense activation(String name) {
    return activation(Activations.get(name));
  }

  @Override
  public WeightSpecs weightSpecs() {
    return specs;
  }

  /** {@return the einsum equation} */
  public String equation() {
    return equation;
  }

  /** {@return the kernel} */
  public Variable kernel() {
    return kernel;
  }

  /** {@return the bias, or null without {@code bias_axes}} */
  public Variable bias() {
    return bias;
  }

  @Override
  protected void build(Shape inputShape) {
    setInputSpec(InputSpec.ndim(inputShape.rank()));
    Analysis a = analyze(inputShape);
    WeightSpecs.Spec k = specs.get("kernel");
    kernel = addWeight("kernel", a.kernelShape, kernelForAxes(a, k.initializer()), k.regularizer(), k.constraint(), true);
    if (a.biasShape != null) {
      bias = addWeight("bias", a.biasShape, specs, "bias");
    }
  }

  /**
   * As Keras, a variance-scaling initializer without explicit fan axes gets the kernel's input and
   * output axes, so its fans count only the contracted and produced dims.
   */
  private static Initializer kernelForAxes(Analysis a, Initializer kernelInitializer) {
    Config c = kernelInitializer.getConfig();
    if (!c.has("input_axes") || !c.has("output_axes") || (c.isSet("input_axes") && c.isSet("output_axes"))) {
      return kernelInitializer;
    }
    JsonObject dict = Serialization.serialize(kernelInitializer).getAsJsonObject().deepCopy();
    JsonObject inner = dict.getAsJsonObject("config");
    inner.add("input_axes", ints(a.inputAxes));
    inner.add("output_axes", ints(a.outputAxes));
    return Serialization.deserialize(dict, Initializer.class);
  }

  private static JsonArray ints(List<Integer> values) {
    JsonArray out = new JsonArray();
    values.forEach(out::add);
    return out;
  }

  @Override
  protected Tensor call(Tensor x, CallContext ctx) {
    Tensor y = EinsumOps.einsum(equation, x, kernel.read());
    if (bias != null) {
      y = MathOps.add(y, bias.read());
    }
    return activation.apply(y);
  }

  /** The full output shape for {@code inputShape} (batch dim included). */
  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return analyze(inputShape).outputShape;
  }

  /** Keras's symbolic output: the batch dim, then {@code output_shape} as configured (None stays None). */
  @Override
  public List<Tensor> computeOutputSpec(CallArgs args) {
    return List.of(Tensor.symbolic(computeOutputShape(args.tensor(0).shape()), computeDtype(), null));
  }

  // ------------------------------------------------------------------ equation analysis

  private record Analysis(long[] kernelShape, long[] biasShape, Shape outputShape, List<Integer> inputAxes,
      List<Integer> outputAxes) {}

  /** The equation split into input, weight and output specs (Python's {@code re.match}: a prefix match). */
  private static Matcher match(String equation) {
    String dotted = equation.replace("...", "0");
    for (Pattern p : new Pattern[] {PLAIN, LEFT_ELIDED, RIGHT_ELIDED}) {
      Matcher m = p.matcher(dotted);
      if (m.lookingAt()) {
        return m;
      }
    }
    throw new ConfigException("Invalid einsum equation '" + equation + "' (config key 'equation'). Equations must be"
        + " in the form [X],[Y]->[Z], ...[X],[Y]->...[Z], or [X]...,[Y]->[Z]....");
  }

  private void checkBiasAxes(String outputSpec) {
    if (biasAxes == null) {
      return;
    }
    for (char c : biasAxes.toCharArray()) {
      if (outputSpec.indexOf(c) < 0) {
        throw new ConfigException("Bias dimension '" + c + "' was requested (config key 'bias_axes'), but is not part"
            + " of the output spec '" + outputSpec + "'");
      }
    }
  }

  /**
   * Keras's {@code _analyze_einsum_string}: kernel and bias shapes, the full output shape and the
   * kernel's input and output axes for an input of {@code inputShape}.
   */
  private Analysis analyze(Shape inputShape) {
    Matcher m = match(equation);
    String dotted = equation.replace("...", "0");
    boolean leftElided = dotted.startsWith("0");
    String inputSpec = m.group(1);
    String weightSpec = m.group(2);
    String outputSpec = m.group(3);
    int rank = inputShape.rank();
    int elided = rank - inputSpec.length();
    List<Long> out = new ArrayList<>();
    out.add(inputShape.get(0));
    for (long d : partialOutputShape.dims()) {
      out.add(d);
    }
    if (elided > 0 && leftElided) {
      for (int i = 1; i < elided; i++) {
        out.add(1, inputShape.get(i));
      }
    } else if (elided > 0) {
      for (int i = rank - elided; i < rank; i++) {
        out.add(inputShape.get(i));
      }
    }
    int inputOffset = leftElided ? elided - rank : 0;
    int outputOffset = leftElided ? elided : 0;
    for (int i = 0; i < inputSpec.length(); i++) {
      char c = inputSpec.charAt(i);
      int oi = outputSpec.indexOf(c);
      if (oi >= 0) {
        long inDim = inputShape.get(Math.floorMod(i + inputOffset, rank));
        long outDim = out.get(oi + outputOffset);
        if (outDim != Shape.UNKNOWN && outDim != inDim) {
          throw new ConfigException("Input shape and output shape do not match at shared dimension '" + c
              + "'. Input shape is " + inDim + ", and output shape is " + outDim + ".");
        }
      }
    }
    for (char c : outputSpec.toCharArray()) {
      if (inputSpec.indexOf(c) < 0 && weightSpec.indexOf(c) < 0) {
        throw new ConfigException("Dimension '" + c + "' was specified in the output '" + outputSpec
            + "' but has no corresponding dim in the input spec '" + inputSpec + "' or weight spec '" + weightSpec + "'");
      }
    }
    long[] kernelShape = new long[weightSpec.length()];
    List<Integer> inputAxes = new ArrayList<>();
    List<Integer> outputAxes = new ArrayList<>();
    for (int i = 0; i < weightSpec.length(); i++) {
      char c = weightSpec.charAt(i);
      int oi = outputSpec.indexOf(c);
      int ii = inputSpec.indexOf(c);
      if (oi >= 0) {
        kernelShape[i] = out.get(oi + outputOffset);
        outputAxes.add(i);
      } else if (ii >= 0) {
        kernelShape[i] = inputShape.get(Math.floorMod(ii + inputOffset, rank));
        inputAxes.add(i);
      } else {
        throw new ConfigException("Weight dimension '" + c + "' did not have a match in either the input spec '"
            + inputSpec + "' or the output spec '" + outputSpec + "'. For this layer, the weight must be fully specified.");
      }
    }
    long[] biasShape = null;
    if (biasAxes != null) {
      int first = outputSpec.length();
      for (char c : biasAxes.toCharArray()) {
        first = Math.min(first, outputSpec.indexOf(c));
      }
      List<Long> b = new ArrayList<>();
      for (int i = first; i < outputSpec.length(); i++) {
        b.add(biasAxes.indexOf(outputSpec.charAt(i)) >= 0 ? out.get(i + outputOffset) : 1L);
      }
      if (!leftElided) {
        for (int i = 0; i < elided; i++) {
          b.add(1L);
        }
      }
      biasShape = b.stream().mapToLong(Long::longValue).toArray();
    }
    return new Analysis(kernelShape, biasShape, Shape.of(out.stream().mapToLong(Long::longValue).toArray()),
        inputAxes, outputAxes);
  }

  // ------------------------------------------------------------------ config

  @Override
  public Config getConfig() {
    Config c = super.getConfig().putShape("output_shape", partialOutputShape)
        .put("equation", equation)
        .put("activation", Activations.serialize(activation))
        .put("bias_axes", biasAxes);
    specs.putInitializers(c);
    specs.putRegularizers(c).put("activity_regularizer", Serialization.serialize(activityRegularizer()));
    return specs.putConstraints(c).put("quantization_config", (String) null);
  }

  /** Quantized or LoRA-enabled kernels are not built by Jeras: refused rather than loaded as plain ones. */
  static void refuseQuantizationAndLora(Config c, String className) {
    for (String unsupported : new String[] {"quantization_config", "lora_rank", "gptq_unpacked_column_size"}) {
      if (c.isSet(unsupported)) {
        throw new ConfigException(className + " '" + c.getString("name", "?") + "': config key '" + unsupported
            + "' (quantization / LoRA) is not supported");
      }
    }
  }

  /**
   * Rebuilds a layer from its config (Keras's {@code EinsumDense.from_config}).
   *
   * @param c the layer's config
   * @return the layer
   */
  public static EinsumDense fromConfig(Config c) {
    JsonElement os = c.get("output_shape");
    Shape outputShape = os.isJsonPrimitive()
        ? Shape.of(Args.positive("EinsumDense", "output_shape", Config.toLong("output_shape", os)))
        : Config.toShape("output_shape", os);
    EinsumDense d = new EinsumDense(c.getString("equation"), outputShape, c.getString("bias_axes", null));
    refuseQuantizationAndLora(c, "EinsumDense");
    d.activation = Activations.deserialize(c.getOrNull("activation"));
    d.specs.read(c);
    return d.withBaseConfig(c);
  }
}

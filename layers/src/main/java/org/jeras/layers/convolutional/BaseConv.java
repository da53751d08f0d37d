package org.jeras.layers.convolutional;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.Args;
import org.jeras.core.layer.VariableStore;
import org.jeras.core.layer.WeightSpecs;
import org.jeras.core.ops.ConvOps;
import org.jeras.core.ops.LinalgOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.layers.core.Defaults;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's BaseConv: {@code activation(conv(x, kernel) + bias)} with kernel
 * {@code [k1..kr, in/groups, filters]} and bias {@code [filters]}; weights kernel then bias.
 *
 * <p>With {@code lora_rank} (Keras's LoRA), the kernel is frozen and two trainable weights follow
 * the bias: {@code lora_kernel_a [k1..kr, in/groups, rank]} (he_uniform) and {@code lora_kernel_b
 * [rank, filters]} (zeros); the convolution uses {@code kernel + lora_alpha / lora_rank * a @ b}.
 * As in Keras, the file stores only that merged kernel and the bias, and loading zeroes a and b.
 */
public abstract class BaseConv<L extends BaseConv<L>> extends ConvLayer<L> {
  /** The number of output channels (Keras's {@code filters}). */
  protected final int filters;
  /** The number of channel groups (Keras's {@code groups}). */
  protected int groups = 1;
  private Variable kernel;
  private int loraRank;
  /** Keras's {@code lora_alpha} as written (defaults to the rank). */
  private JsonElement loraAlpha;
  private Variable loraKernelA;
  private Variable loraKernelB;

  /**
   * A convolution of {@code rank} spatial axes.
   *
   * @param rank the number of spatial axes
   * @param filters the number of output channels
   * @param kernelSize the window size of each spatial axis
   */
  protected BaseConv(int rank, int filters, int... kernelSize) {
    super(rank, kernelSize, List.of("kernel"));
    this.filters = Args.positive(className(), "filters", filters);
  }

  /**
   * Sets the number of channel groups (Keras's {@code groups}).
   *
   * @param g the number of groups; divides the input and output channels
   * @return this layer
   */
  public L groups(int g) {
    if (Args.positive(className(), "groups", g) > 0 && filters % g != 0) {
      throw Args.invalid(className(), "groups", "a divisor of filters=" + filters, g);
    }
    this.groups = g;
    return self();
  }

  /**
   * Enables LoRA of {@code rank} with {@code lora_alpha = alpha} before the layer is built.
   *
   * @param rank the LoRA rank
   * @param alpha Keras's {@code lora_alpha}
   * @return this layer
   */
  public L lora(int rank, Number alpha) {
    this.loraRank = Args.positive(className(), "lora_rank", rank);
    this.loraAlpha = new JsonPrimitive(alpha == null ? rank : alpha);
    return self();
  }

  /** {@return the LoRA rank, 0 without LoRA} */
  public int loraRank() {
    return loraRank;
  }

  /** {@return the number of output channels} */
  public int filters() {
    return filters;
  }

  /** {@return the kernel (Keras's {@code kernel})} */
  public Variable kernel() {
    return kernel;
  }

  @Override
  protected long buildKernels(long inChannels) {
    if (inChannels % groups != 0) {
      throw new IllegalArgumentException(className() + " '" + name() + "': input channels " + inChannels
          + " are not divisible by groups=" + groups);
    }
    long[] shape = new long[rank + 2];
    for (int d = 0; d < rank; d++) {
      shape[d] = kernelSize[d];
    }
    shape[rank] = inChannels / groups;
    shape[rank + 1] = filters;
    kernel = addKernel("kernel", "kernel", shape);
    return filters;
  }

  @Override
  protected void build(Shape inputShape) {
    super.build(inputShape);
    if (loraRank > 0) {
      WeightSpecs.Spec k = weightSpecs().get("kernel");
      if (k.constraint() != null) {
        throw new ConfigException(className() + " '" + name() + "': LoRA is incompatible with kernel constraints");
      }
      long[] a = kernel.array().shape().clone();
      a[rank + 1] = loraRank;
      loraKernelA = addWeight("lora_kernel_a", a, Defaults.initializer("he_uniform"), k.regularizer(), null, true);
      loraKernelB = addWeight("lora_kernel_b", new long[] {loraRank, filters}, Defaults.initializer("zeros"),
          k.regularizer(), null, true);
      kernel.setTrainable(false);
    }
  }

  /** {@return the kernel the convolution uses: with LoRA, {@code kernel + alpha / rank * (a @ b)}} */
  protected Tensor effectiveKernel() {
    if (loraRank == 0) {
      return kernel.read();
    }
    Tensor delta = LinalgOps.matmul(loraKernelA.read(), loraKernelB.read());
    return MathOps.add(kernel.read(), MathOps.mul(delta, loraAlpha.getAsDouble() / loraRank));
  }

  @Override
  protected Tensor convolve(Tensor x) {
    return ConvOps.conv(x, effectiveKernel(), strides, pads(x), dilationRate, groups);
  }

  /** Keras saves the (merged) kernel and the bias only. */
  @Override
  public void saveOwnVariables(VariableStore store) {
    if (loraRank == 0) {
      super.saveOwnVariables(store);
      return;
    }
    store.put("0", effectiveKernel().value().dup());
    if (bias() != null) {
      store.put("1", bias().array());
    }
  }

  /** With LoRA, the stored kernel becomes the frozen kernel and the LoRA weights restart at zero. */
  @Override
  public void loadOwnVariables(VariableStore store) {
    if (loraRank == 0) {
      super.loadOwnVariables(store);
      return;
    }
    List<Variable> vars = bias() == null ? List.of(kernel) : List.of(kernel, bias());
    for (int i = 0; i < vars.size(); i++) {
      vars.get(i).assign(store.getChecked(Integer.toString(i), vars.get(i), "variable"));
    }
    loraKernelA.assign(Nd4j.zeros(loraKernelA.array().dataType(), loraKernelA.array().shape()));
    loraKernelB.assign(Nd4j.zeros(loraKernelB.array().dataType(), loraKernelB.array().shape()));
  }

  @Override
  public Config getConfig() {
    Config c = super.getConfig();
    if (loraRank > 0) {
      c.put("lora_rank", loraRank).put("lora_alpha", loraAlpha);
    }
    return c;
  }

  @Override
  protected void putHead(Config c) {
    c.put("filters", filters);
  }

  @Override
  protected void putAfterDilation(Config c) {
    c.put("groups", groups);
  }

  /**
   * Reads the keys after {@code filters} and {@code kernel_size}.
   *
   * @param c the layer's config
   * @return this layer
   */
  protected final L readConv(Config c) {
    groups(c.getInt("groups", 1));
    JsonElement rankJson = c.getOrNull("lora_rank");
    if (rankJson != null && !rankJson.isJsonNull() && Config.toInt("lora_rank", rankJson) != 0) {
      JsonElement alpha = c.getOrNull("lora_alpha");
      lora(Config.toInt("lora_rank", rankJson), alpha == null || alpha.isJsonNull() ? null : alpha.getAsNumber());
    }
    return readCommon(c);
  }
}

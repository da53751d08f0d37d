package org.jeras.layers.ops;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jeras.core.config.Config;
import org.jeras.core.config.ObjectFactory;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.GraphOperation;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Tensor;

/**
 * A {@code keras.ops} call that a functional model recorded as a node ({@code x + y},
 * {@code ops.mean(x, axis=1)}, {@code x[:, -1]}, ...): the Keras module and class that name it,
 * its config (the op's own arguments, kept as Keras wrote them) and the kernel that computes it.
 * One class serves every such op; {@link KerasOpsBuiltins} holds the table of kernels.
 */
public final class KerasOp extends Layer implements GraphOperation {
  /** Computes an op's output from the node's call arguments (tensors, numbers, lists, slices) and its config. */
  @FunctionalInterface
  public interface Kernel {
    /**
     * {@return the op's output}
     *
     * @param args the call's arguments
     * @param params the op's config
     */
    Tensor apply(List<Object> args, Config params);
  }

  /** Each registered op's kernel by {@code module.Class}, for ops computed outside a graph ({@link MaskOps}). */
  private static final Map<String, Kernel> KERNELS = new ConcurrentHashMap<>();

  private final String module;
  private final String opClass;
  private final Config params;
  private final Kernel kernel;

  KerasOp(String module, String opClass, Config params, Kernel kernel) {
    this.module = module;
    this.opClass = opClass;
    this.params = params;
    this.kernel = kernel;
    buildAtInit();
  }

  /**
   * The factory for op {@code opClass} of {@code module}: config keys other than {@code name} are
   * the op's arguments, which {@code check} may refuse at load time.
   */
  static ObjectFactory<KerasOp> factory(String module, String opClass, Kernel kernel, Consumer<Config> check) {
    KERNELS.put(module + "." + opClass, kernel);
    return c -> {
      c.readAllKeys(); // every key is the op's argument, read when it runs and vetted by check
      Config params = c.copy().remove("name");
      check.accept(params);
      KerasOp op = new KerasOp(module, opClass, params, kernel);
      if (c.isSet("name")) {
        op.setName(c.getString("name"));
      }
      return op;
    };
  }

  /** The kernel of the registered op {@code module.opClass}. */
  static Kernel kernel(String module, String opClass) {
    Registry.lookupBuiltin(Layer.class, module, opClass); // loads the built-ins, which register the kernels
    Kernel k = KERNELS.get(module + "." + opClass);
    if (k == null) {
      throw new IllegalStateException("No kernel for op " + module + "." + opClass);
    }
    return k;
  }

  @Override
  public String module() {
    return module;
  }

  /** The op's Keras class ({@code Add}, {@code GetItem}, ...); the Java class only while the layer is constructed. */
  @Override
  public String className() {
    return opClass == null ? super.className() : opClass;
  }

  @Override
  public String registeredName() {
    return opClass;
  }

  @Override
  protected List<Tensor> call(CallArgs args, CallContext ctx) {
    return List.of(kernel.apply(args.args(), params));
  }

  @Override
  public Config getConfig() {
    return Config.empty().put("name", name()).putAll(params);
  }
}

package org.jeras.layers.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.ObjectFactory;
import org.jeras.core.config.Registry;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.Names;
import org.jeras.core.tensor.Tensor;

/**
 * The {@code keras.ops} calls by which layers compute masks, usable on concrete and symbolic
 * tensors alike, as Keras's ops are: on concrete tensors they compute the value with the op's
 * kernel; on symbolic ones (a functional model being built) they record the op as a graph node
 * ({@code not_equal}, {@code any}, ...) exactly as Keras does, so the saved config and the
 * replayed call match Keras's.
 */
public final class MaskOps {
  private static final String NUMPY = "keras.src.ops.numpy";

  private MaskOps() {}

  /**
   * {@return {@code keras.ops.not_equal(x, value)}: a boolean tensor of x's shape}
   *
   * @param x the input
   * @param value the value
   */
  public static Tensor notEqual(Tensor x, Number value) {
    return call("NotEqual", Config.empty(), x, value);
  }

  /**
   * {@return {@code keras.ops.any(x, axis=axis)}: whether any element along {@code axis} is non-zero}
   *
   * @param x the input
   * @param axis the axis, negative from the end
   */
  public static Tensor any(Tensor x, int axis) {
    return call("Any", Config.empty().put("axis", axis).put("keepdims", false), x);
  }

  /**
   * {@return {@code keras.ops.logical_or(x, y)}}
   *
   * @param x the first input
   * @param y the second input
   */
  public static Tensor logicalOr(Tensor x, Tensor y) {
    return call("LogicalOr", Config.empty(), x, y);
  }

  /**
   * {@return {@code keras.ops.expand_dims(x, axis)}}
   *
   * @param x the input
   * @param axis the axis, negative from the end
   */
  public static Tensor expandDims(Tensor x, int axis) {
    return call("ExpandDims", Config.empty().put("axis", axis), x);
  }

  /**
   * {@return {@code keras.ops.ones_like(x, dtype="bool")}: all true, of x's shape}
   *
   * @param x the input
   */
  public static Tensor onesLikeBool(Tensor x) {
    return call("OnesLike", Config.empty().put("dtype", "bool"), x);
  }

  /**
   * {@return {@code keras.ops.zeros_like(x, dtype="bool")}: all false, of x's shape}
   *
   * @param x the input
   */
  public static Tensor zerosLikeBool(Tensor x) {
    return call("ZerosLike", Config.empty().put("dtype", "bool"), x);
  }

  /**
   * {@return {@code keras.ops.concatenate(xs, axis)}}
   *
   * @param xs the tensors
   * @param axis the axis
   */
  public static Tensor concatenate(List<Tensor> xs, int axis) {
    return call("Concatenate", Config.empty().put("axis", axis), new ArrayList<Object>(xs));
  }

  private static Tensor call(String opClass, Config params, Object... args) {
    List<Object> argList = new ArrayList<>(Arrays.asList(args));
    KerasOp.Kernel kernel = KerasOp.kernel(NUMPY, opClass);
    boolean symbolic = argList.stream().anyMatch(MaskOps::symbolic);
    if (!symbolic) {
      return kernel.apply(argList, params);
    }
    ObjectFactory<?> factory = Registry.lookupBuiltin(Layer.class, NUMPY, opClass);
    Config c = params.copy().put("name", Names.unique(Names.snakeCase(opClass)));
    Layer op = (Layer) factory.fromConfig(c);
    return op.apply(CallArgs.of(argList, new LinkedHashMap<>())).get(0);
  }

  private static boolean symbolic(Object arg) {
    if (arg instanceof List<?> l) {
      return l.stream().anyMatch(MaskOps::symbolic);
    }
    return arg instanceof Tensor t && t.isSymbolic();
  }
}

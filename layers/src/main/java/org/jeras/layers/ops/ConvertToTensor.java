package org.jeras.layers.ops;

import com.google.gson.JsonPrimitive;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.GraphOperation;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;

/**
 * Keras's {@code keras.ops.convert_to_tensor} as a node of a functional graph (Keras 3 records it
 * when {@code Attention} or {@code AdditiveAttention} returns its query mask as the output mask):
 * the input unchanged, or cast to {@code dtype} when one is given. Jeras has no sparse or ragged
 * tensors, so {@code sparse} and {@code ragged} are kept for the config only and may not be true.
 */
public class ConvertToTensor extends Layer implements GraphOperation {
  private final DType dtype;
  private final Boolean sparse;
  private final Boolean ragged;

  /** Keras's defaults: {@code dtype}, {@code sparse} and {@code ragged} all None. */
  public ConvertToTensor() {
    this(null, null, null);
  }

  /** {@code dtype} null keeps the input's dtype; {@code sparse} and {@code ragged} are null or false. */
  public ConvertToTensor(DType dtype, Boolean sparse, Boolean ragged) {
    if (Boolean.TRUE.equals(sparse) || Boolean.TRUE.equals(ragged)) {
      throw new ConfigException("ConvertToTensor: sparse and ragged tensors are not supported");
    }
    this.dtype = dtype;
    this.sparse = sparse;
    this.ragged = ragged;
    buildAtInit();
  }

  @Override
  public String module() {
    return "keras.src.ops.core";
  }

  @Override
  public String registeredName() {
    return className();
  }

  @Override
  protected List<Tensor> call(CallArgs args, CallContext ctx) {
    Tensor x = args.tensor(0);
    // The same values and gradient path; the layer sets the output's own mask.
    return List.of(dtype == null || x.dtype() == dtype ? x.withMask(null) : MathOps.cast(x, dtype));
  }

  @Override
  public Config getConfig() {
    return Config.empty()
        .put("name", name())
        .put("dtype", dtype == null ? null : dtype.kerasName())
        .put("sparse", sparse == null ? null : new JsonPrimitive(sparse))
        .put("ragged", ragged == null ? null : new JsonPrimitive(ragged));
  }

  public static ConvertToTensor fromConfig(Config c) {
    String dtype = c.getString("dtype", null);
    Boolean sparse = c.isSet("sparse") ? c.getBoolean("sparse") : null;
    Boolean ragged = c.isSet("ragged") ? c.getBoolean("ragged") : null;
    return new ConvertToTensor(dtype == null ? null : DType.of(dtype), sparse, ragged).withBaseConfig(c);
  }
}

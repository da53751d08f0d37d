package org.jeras.core.layer;

import com.google.gson.JsonElement;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.KerasObject;
import org.jeras.core.config.Serialization;
import org.jeras.core.tensor.DType;

/**
 * A layer's dtype policy (Keras's {@code DTypePolicy}): the dtype of its weights and of its
 * computations; {@code "mixed_float16"} computes in float16 with float32 weights.
 */
public final class DTypePolicy implements KerasObject {
  private static volatile DTypePolicy defaultPolicy = new DTypePolicy("float32");

  private final String name;
  private final DType compute;
  private final DType variable;

  /**
   * A policy by Keras's name: a dtype ({@code "float32"}) or {@code "mixed_float16"} /
   * {@code "mixed_bfloat16"}, which compute in 16 bits and keep float32 variables.
   *
   * @param name the policy's name
   */
  public DTypePolicy(String name) {
    this.name = name;
    switch (name) {
      case "mixed_float16" -> {
        compute = DType.FLOAT16;
        variable = DType.FLOAT32;
      }
      case "mixed_bfloat16" -> {
        compute = DType.BFLOAT16;
        variable = DType.FLOAT32;
      }
      default -> {
        compute = DType.of(name);
        variable = compute;
      }
    }
  }

  /**
   * {@return the policy new layers get (Keras's {@code dtype_policies.dtype_policy()}); float32 unless set}
   */
  public static DTypePolicy defaultPolicy() {
    return defaultPolicy;
  }

  /**
   * Sets the policy new layers get (Keras's {@code set_dtype_policy}).
   *
   * @param name the policy's name
   */
  public static void setDefaultPolicy(String name) {
    defaultPolicy = new DTypePolicy(name);
  }

  /**
   * Reads a policy from a config's {@code dtype}: a string or a serialized policy dict.
   *
   * @param e the value under {@code dtype}
   * @return the policy
   */
  public static DTypePolicy from(JsonElement e) {
    if (e.isJsonPrimitive()) {
      return new DTypePolicy(e.getAsString());
    }
    if (e.isJsonObject()) {
      // Through the registry, so dicts sharing a shared_object_id become one policy object.
      return Serialization.deserialize(e, DTypePolicy.class);
    }
    throw new ConfigException("Config key 'dtype' must be a dtype name or a DTypePolicy, got " + e);
  }

  /** {@return the policy's name, e.g. {@code "mixed_float16"}} */
  public String name() {
    return name;
  }

  /** {@return the dtype computations run in} */
  public DType computeDtype() {
    return compute;
  }

  /** {@return the dtype variables are stored in} */
  public DType variableDtype() {
    return variable;
  }

  @Override
  public String module() {
    return "keras";
  }

  @Override
  public String className() {
    return "DTypePolicy";
  }

  @Override
  public Config getConfig() {
    return Config.empty().put("name", name);
  }
}

package org.jeras.saving.custom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jeras.core.config.ObjectFactory;
import org.jeras.core.config.Registry;

/**
 * The Java counterparts of every custom class and function the fixtures use
 * (generators/fixture_custom.py), under the registered names their files carry. Classes are given
 * to a load as custom objects (Keras's {@code custom_objects}); functions are registered globally,
 * since a function's registered name is what it serializes as.
 */
public final class FixtureCustomObjects {
  /** One custom class: its Python class name (as the manifest lists it), registered name and factory. */
  public record CustomClass(String className, String registeredName, ObjectFactory<?> factory) {}

  public static final List<CustomClass> CLASSES = List.of(
      new CustomClass("ScaledDense", "fixtures>ScaledDense", ScaledDense::fromConfig),
      new CustomClass("DenseWithExtraState", "fixtures>DenseWithExtraState", DenseWithExtraState::fromConfig),
      new CustomClass("VocabLengthWeighting", "fixtures>VocabLengthWeighting", VocabLengthWeighting::fromConfig),
      new CustomClass("BuildConfigDense", "fixtures>BuildConfigDense", BuildConfigDense::fromConfig),
      new CustomClass("SubclassedMLP", "fixtures>SubclassedMLP", SubclassedMLP::fromConfig),
      new CustomClass("CustomLayer", "MyLayers>CustomLayer", CustomLayer::fromConfig),
      new CustomClass("MyDense", "MyLayers>KernelMult", MyDense::fromConfig),
      new CustomClass("CustomModel", "ComplexModels>CustomModel", CustomModel::fromConfig));

  private FixtureCustomObjects() {}

  /** Registers the custom functions under their names (as their Python decorators do); idempotent. */
  public static void registerFunctions() {
    Registry.registerFunction("fixtures", "scaled_tanh", ScaledTanh.INSTANCE);
    Registry.registerFunction("my_package", "custom_fn", CustomFn.INSTANCE);
  }

  /** The classes keyed by registered name, for {@code LoadOptions.withCustomObjects}; registers the functions. */
  public static Map<String, ObjectFactory<?>> classes() {
    registerFunctions();
    Map<String, ObjectFactory<?>> out = new LinkedHashMap<>();
    for (CustomClass c : CLASSES) {
      out.put(c.registeredName(), c.factory());
    }
    return out;
  }

  /** Whether {@code className} (a manifest layer class) is one of the counterparts here. */
  public static boolean provides(String className) {
    return CLASSES.stream().anyMatch(c -> c.className().equals(className));
  }
}

package org.jeras.layers.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Registry;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.testing.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The graph operations ({@code keras.src.ops.*} nodes of functional models): each differentiable
 * one passes a finite-difference check through its config and call arguments as Keras records
 * them; the others are listed with the reason. Their values against Keras are checked by the
 * saving module's {@code extra/ops} files.
 */
class KerasOpsTest {
  private record Case(String config, List<INDArray> inputs, Function<List<Tensor>, List<Object>> args) {}

  private static final Map<String, String> WITHOUT_GRADIENT = Map.of(
      "keras.src.ops.numpy.NotEqual", "a boolean comparison",
      "keras.src.ops.numpy.Any", "a boolean reduction",
      "keras.src.ops.numpy.LogicalOr", "a boolean op",
      "keras.src.ops.numpy.ZerosLike", "a constant of the input's shape",
      "keras.src.ops.numpy.OnesLike", "a constant of the input's shape");

  private static final Map<String, Case> CASES = new LinkedHashMap<>();

  private static INDArray x(long seed, long... shape) {
    return TestData.uniform(seed, -1, 1, shape);
  }

  private static INDArray positive(long seed, long... shape) {
    return TestData.uniform(seed, 0.5, 2, shape);
  }

  private static void add(String qualified, String config, Function<List<Tensor>, List<Object>> args, INDArray... in) {
    CASES.put(qualified, new Case(config, List.of(in), args));
  }

  private static JsonObject slice(Integer start, Integer stop) {
    return JsonParser.parseString("{\"class_name\": \"__slice__\", \"config\": {\"start\": " + start + ", \"stop\": "
        + stop + ", \"step\": null}}").getAsJsonObject();
  }

  static {
    String np = "keras.src.ops.numpy.";
    add(np + "Add", "{}", t -> List.of(t.get(0), t.get(1)), x(1, 2, 3), x(2, 3));
    add(np + "Subtract", "{}", t -> List.of(1.5, t.get(0)), x(3, 2, 3));
    add(np + "Multiply", "{}", t -> List.of(t.get(0), 2.5), x(4, 2, 3));
    add(np + "TrueDivide", "{}", t -> List.of(t.get(0), t.get(1)), x(5, 2, 3), positive(6, 2, 3));
    add(np + "Divide", "{}", t -> List.of(t.get(0), 4), x(7, 2, 3));
    add(np + "Maximum", "{}", t -> List.of(t.get(0), t.get(1)), x(8, 2, 3), x(9, 2, 3));
    add(np + "Minimum", "{}", t -> List.of(t.get(0), 0.1), x(10, 2, 3));
    add(np + "Matmul", "{}", t -> List.of(t.get(0), t.get(1)), x(11, 2, 3, 4), x(12, 2, 4, 2));
    add(np + "Power", "{}", t -> List.of(t.get(0), 3), positive(13, 2, 3));
    add(np + "Negative", "{}", t -> List.of(t.get(0)), x(14, 2, 3));
    add(np + "Absolute", "{}", t -> List.of(t.get(0)), x(15, 2, 3));
    add(np + "Square", "{}", t -> List.of(t.get(0)), x(16, 2, 3));
    add(np + "Sqrt", "{}", t -> List.of(t.get(0)), positive(17, 2, 3));
    add(np + "Exp", "{}", t -> List.of(t.get(0)), x(18, 2, 3));
    add(np + "Log", "{}", t -> List.of(t.get(0)), positive(19, 2, 3));
    add(np + "Tanh", "{}", t -> List.of(t.get(0)), x(20, 2, 3));
    add(np + "Clip", "{\"x_min\": -0.3, \"x_max\": 0.3}", t -> List.of(t.get(0)), x(21, 2, 3));
    add(np + "Mean", "{\"axis\": [1, 2], \"keepdims\": true}", t -> List.of(t.get(0)), x(22, 2, 3, 4));
    add(np + "Sum", "{\"axis\": -1, \"keepdims\": false}", t -> List.of(t.get(0)), x(23, 2, 3, 4));
    add(np + "Max", "{\"axis\": 1, \"keepdims\": false, \"initial\": null}", t -> List.of(t.get(0)), x(24, 2, 3, 4));
    add(np + "Min", "{\"axis\": null, \"keepdims\": false, \"initial\": null}", t -> List.of(t.get(0)), x(25, 2, 3));
    add(np + "Reshape", "{\"newshape\": [-1, 12]}", t -> List.of(t.get(0)), x(26, 2, 3, 4));
    add(np + "Transpose", "{\"axes\": [0, 2, 1]}", t -> List.of(t.get(0)), x(27, 2, 3, 4));
    add(np + "Squeeze", "{\"axis\": 1}", t -> List.of(t.get(0)), x(28, 2, 1, 4));
    add(np + "ExpandDims", "{\"axis\": 1}", t -> List.of(t.get(0)), x(29, 2, 4));
    add(np + "Stack", "{\"axis\": 1}", t -> List.of(List.of(t.get(0), t.get(1))), x(30, 2, 3), x(31, 2, 3));
    add(np + "Concatenate", "{\"axis\": -1}", t -> List.of(List.of(t.get(0), t.get(1))), x(32, 2, 3), x(33, 2, 1));
    add(np + "GetItem", "{}", t -> List.of(t.get(0), List.of(slice(null, null), slice(1, -1), 2)), x(34, 2, 4, 3));
    add("keras.src.ops.nn.Relu", "{}", t -> List.of(t.get(0)), x(35, 2, 3));
    add("keras.src.ops.nn.Sigmoid", "{}", t -> List.of(t.get(0)), x(36, 2, 3));
    add("keras.src.ops.nn.Silu", "{}", t -> List.of(t.get(0)), x(37, 2, 3));
    add("keras.src.ops.nn.Gelu", "{\"approximate\": false}", t -> List.of(t.get(0)), x(38, 2, 3));
    add("keras.src.ops.nn.Softmax", "{\"axis\": 1}", t -> List.of(t.get(0)), x(39, 2, 3));
    add("keras.src.ops.core.Cast", "{\"dtype\": \"float64\"}", t -> List.of(t.get(0)), x(40, 2, 3));
    add("keras.src.ops.core.ConvertToTensor", "{\"dtype\": null, \"sparse\": null, \"ragged\": null}",
        t -> List.of(t.get(0)), x(41, 2, 3));
  }

  static Layer op(String qualified, String config) {
    int dot = qualified.lastIndexOf('.');
    JsonObject dict = new JsonObject();
    dict.addProperty("module", qualified.substring(0, dot));
    dict.addProperty("class_name", qualified.substring(dot + 1));
    JsonObject cfg = JsonParser.parseString(config).getAsJsonObject();
    cfg.addProperty("name", "op");
    dict.add("config", cfg);
    return Serialization.deserialize(dict, Layer.class);
  }

  @Test
  void everyGraphOperationIsCheckedOrListed() {
    TreeSet<String> missing = new TreeSet<>();
    for (String name : Registry.builtinNames(Layer.class)) {
      if (name.startsWith("keras.src.ops.") && !CASES.containsKey(name) && !WITHOUT_GRADIENT.containsKey(name)) {
        missing.add(name);
      }
    }
    assertEquals(new TreeSet<>(), missing, "graph operations without a gradient check");
  }

  @Test
  void gradientsThroughConfigAndArguments() {
    CASES.forEach((name, c) -> {
      Layer op = op(name, c.config());
      try {
        GradCheck.check(t -> op.apply(CallArgs.of(c.args().apply(t), Map.of())).get(0),
            c.inputs().toArray(INDArray[]::new));
      } catch (AssertionError e) {
        throw new AssertionError(name + ": " + e.getMessage(), e);
      }
    });
  }

  @Test
  void configsRoundTripAsKerasWroteThem() {
    CASES.forEach((name, c) -> {
      Layer op = op(name, c.config());
      JsonObject written = Serialization.serialize(op).getAsJsonObject();
      assertEquals(name, written.get("module").getAsString() + "." + written.get("class_name").getAsString());
      JsonObject expected = JsonParser.parseString(c.config()).getAsJsonObject();
      JsonObject cfg = written.getAsJsonObject("config");
      assertEquals("op", cfg.remove("name").getAsString());
      assertEquals(expected, cfg, name);
    });
  }

  @Test
  void unsupportedArgumentsAreNamed() {
    Layer getItem = op("keras.src.ops.numpy.GetItem", "{}");
    Tensor x = Tensor.of(x(42, 2, 3));
    JsonObject stepped = JsonParser.parseString(
        "{\"class_name\": \"__slice__\", \"config\": {\"start\": null, \"stop\": null, \"step\": 2}}").getAsJsonObject();
    ConfigException e = assertThrows(ConfigException.class,
        () -> getItem.apply(CallArgs.of(List.of(x, List.of(stepped)), Map.of())));
    assertTrue(e.getMessage().contains("step 2"), e.getMessage());
    ConfigException unknown = assertThrows(ConfigException.class,
        () -> Serialization.deserialize(JsonParser.parseString(
            "{\"module\": \"keras.src.ops.numpy\", \"class_name\": \"Einsum\", \"config\": {\"name\": \"e\"}}"), Layer.class));
    assertTrue(unknown.getMessage().contains("Einsum"), unknown.getMessage());
  }

  @Test
  void opsAndLayersSharingANameStayApart() {
    Layer layer = Serialization.deserialize(JsonParser.parseString(
        "{\"class_name\": \"Concatenate\", \"config\": {\"name\": \"c\", \"axis\": -1}}"), Layer.class);
    assertEquals("keras.layers", layer.module());
    assertTrue(op("keras.src.ops.numpy.Add", "{}") instanceof KerasOp);
    assertEquals("keras.layers", op("keras.layers.Add", "{}").module());
  }
}

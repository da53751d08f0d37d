package org.jeras.layers.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jeras.core.config.InvalidConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every numeric argument of the layers, set to values Keras refuses (zero or negative sizes, rates
 * outside [0, 1], NaN and infinities, values beyond an int, strings): loading the layer's config
 * throws an {@link InvalidConfigException} that names the layer and the key, before anything is
 * built. The unmodified base config of each case loads, so each failure is the bad value's.
 */
class LayerArgsValidationTest {
  /** Values refused where a positive integer is expected. */
  private static final List<String> POSITIVE_INT = List.of("0", "-1", "-7", "2.5", "1e12", "NaN", "Infinity", "\"abc\"");
  /** Values refused where a non-negative integer is expected. */
  private static final List<String> NON_NEGATIVE_INT = List.of("-1", "2.5", "1e12", "NaN", "\"abc\"");
  /** Values refused where a float in [0, 1] is expected. */
  private static final List<String> FRACTION = List.of("-0.1", "1.5", "NaN", "Infinity", "-Infinity", "\"abc\"");
  /** Values refused where a float >= 0 is expected. */
  private static final List<String> NON_NEGATIVE_REAL = List.of("-1", "-0.5", "NaN", "Infinity", "\"abc\"");
  /** Values refused where any finite float is expected. */
  private static final List<String> FINITE = List.of("NaN", "Infinity", "-Infinity", "\"abc\"");

  private record Key(String name, List<String> bad) {}

  private record Case(String className, String baseConfig, List<Key> keys) {}

  private static Key pos(String k) {
    return new Key(k, POSITIVE_INT);
  }

  private static final List<Case> CASES = List.of(
      new Case("Dense", "{\"units\": 4}", List.of(pos("units"))),
      new Case("Embedding", "{\"input_dim\": 5, \"output_dim\": 3}", List.of(pos("input_dim"), pos("output_dim"))),
      new Case("Conv1D", "{\"filters\": 2, \"kernel_size\": 3}",
          List.of(pos("filters"), pos("kernel_size"), pos("strides"), pos("dilation_rate"), pos("groups"))),
      new Case("Conv2D", "{\"filters\": 2, \"kernel_size\": 3}",
          List.of(pos("filters"), pos("kernel_size"), pos("strides"), pos("dilation_rate"), pos("groups"))),
      new Case("Conv3D", "{\"filters\": 2, \"kernel_size\": 3}", List.of(pos("filters"), pos("kernel_size"))),
      new Case("Conv2DTranspose", "{\"filters\": 2, \"kernel_size\": 3}",
          List.of(pos("filters"), pos("kernel_size"), pos("strides"), new Key("output_padding", NON_NEGATIVE_INT))),
      new Case("DepthwiseConv2D", "{\"kernel_size\": 3}", List.of(pos("kernel_size"), pos("depth_multiplier"))),
      new Case("SeparableConv1D", "{\"filters\": 2, \"kernel_size\": 3}",
          List.of(pos("filters"), pos("kernel_size"), pos("depth_multiplier"))),
      new Case("MaxPooling2D", "{}", List.of(pos("pool_size"), pos("strides"))),
      new Case("AveragePooling1D", "{}", List.of(pos("pool_size"), pos("strides"))),
      new Case("MaxPooling3D", "{}", List.of(pos("pool_size"))),
      new Case("SimpleRNN", "{\"units\": 3}", List.of(pos("units"), new Key("dropout", FINITE))),
      new Case("LSTM", "{\"units\": 3}", List.of(pos("units"), new Key("recurrent_dropout", FINITE))),
      new Case("GRU", "{\"units\": 3}", List.of(pos("units"))),
      new Case("MultiHeadAttention", "{\"num_heads\": 2, \"key_dim\": 4}",
          List.of(pos("num_heads"), pos("key_dim"), pos("value_dim"), new Key("dropout", FRACTION),
              new Key("output_shape", List.of("0", "-3", "2.5", "\"abc\"", "[0]", "[4, -2]")))),
      new Case("Attention", "{}", List.of(new Key("dropout", FRACTION))),
      new Case("AdditiveAttention", "{}", List.of(new Key("dropout", FRACTION))),
      new Case("Dropout", "{\"rate\": 0.5}", List.of(new Key("rate", FRACTION))),
      new Case("SpatialDropout1D", "{\"rate\": 0.5}", List.of(new Key("rate", FRACTION))),
      new Case("GaussianDropout", "{\"rate\": 0.5}", List.of(new Key("rate", FRACTION))),
      new Case("AlphaDropout", "{\"rate\": 0.5}", List.of(new Key("rate", FRACTION))),
      new Case("GaussianNoise", "{\"stddev\": 0.5}", List.of(new Key("stddev", FRACTION))),
      new Case("RepeatVector", "{\"n\": 2}", List.of(pos("n"))),
      new Case("UpSampling2D", "{\"size\": 2}", List.of(pos("size"))),
      new Case("ZeroPadding2D", "{\"padding\": 1}", List.of(new Key("padding", NON_NEGATIVE_INT))),
      new Case("Cropping1D", "{\"cropping\": 1}", List.of(new Key("cropping", NON_NEGATIVE_INT))),
      new Case("Reshape", "{\"target_shape\": [2, 3]}",
          List.of(new Key("target_shape", List.of("[0, 3]", "[-2, 3]", "[-1, -1]", "[1e12]", "[\"a\"]", "\"abc\"")))),
      new Case("Permute", "{\"dims\": [2, 1]}", List.of(new Key("dims", List.of("[0, 1]", "[1, 1]", "[2, 2.5]", "[\"a\"]")))),
      new Case("LeakyReLU", "{\"negative_slope\": 0.3}", List.of(new Key("negative_slope", NON_NEGATIVE_REAL))),
      new Case("ReLU", "{}", List.of(new Key("max_value", NON_NEGATIVE_REAL), new Key("negative_slope", NON_NEGATIVE_REAL),
          new Key("threshold", NON_NEGATIVE_REAL))),
      new Case("ELU", "{\"alpha\": 1.0}", List.of(new Key("alpha", FINITE))),
      new Case("LayerNormalization", "{}", List.of(new Key("epsilon", NON_NEGATIVE_REAL))),
      new Case("BatchNormalization", "{}", List.of(new Key("epsilon", NON_NEGATIVE_REAL), new Key("momentum", FINITE),
          new Key("axis", List.of("2.5", "1e12", "\"abc\"")))),
      new Case("GroupNormalization", "{\"groups\": 2}", List.of(new Key("groups", List.of("0", "-2", "2.5", "1e12", "\"abc\"")),
          new Key("epsilon", NON_NEGATIVE_REAL))),
      new Case("CategoryEncoding", "{\"num_tokens\": 3}", List.of(pos("num_tokens"))),
      new Case("Hashing", "{\"num_bins\": 3}", List.of(pos("num_bins"))),
      new Case("Resizing", "{\"height\": 2, \"width\": 2}", List.of(pos("height"), pos("width"), new Key("fill_value", FINITE))),
      new Case("CenterCrop", "{\"height\": 2, \"width\": 2}", List.of(pos("height"), pos("width"))),
      new Case("EinsumDense", "{\"equation\": \"ab,bc->ac\", \"output_shape\": 4}",
          List.of(new Key("output_shape", List.of("0", "-7", "2.5", "1e12", "NaN", "\"abc\"", "[0]", "[\"a\"]")))),
      new Case("TextVectorization", "{}", List.of(pos("output_sequence_length"))),
      new Case("ActivityRegularization", "{}", List.of(new Key("l1", NON_NEGATIVE_REAL), new Key("l2", NON_NEGATIVE_REAL))),
      new Case("Dot", "{\"axes\": 1}", List.of(new Key("axes", List.of("2.5", "1e12", "\"abc\"", "[1, \"a\"]")))),
      new Case("StringLookup", "{}", List.of(new Key("max_tokens", List.of("0", "1", "-3", "2.5", "\"abc\"")),
          new Key("num_oov_indices", NON_NEGATIVE_INT))));

  static Stream<Arguments> badValues() {
    List<Arguments> out = new ArrayList<>();
    for (Case c : CASES) {
      for (Key k : c.keys()) {
        for (String v : k.bad()) {
          out.add(Arguments.of(c.className(), c.baseConfig(), k.name(), v));
        }
      }
    }
    return out.stream();
  }

  static Stream<Arguments> baseConfigs() {
    return CASES.stream().map(c -> Arguments.of(c.className(), c.baseConfig()));
  }

  private static JsonObject dict(String className, String configJson) {
    JsonObject config = JsonParser.parseString(configJson).getAsJsonObject();
    config.addProperty("name", "probe");
    JsonObject dict = new JsonObject();
    dict.addProperty("module", "keras.layers");
    dict.addProperty("class_name", className);
    dict.add("config", config);
    return dict;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("baseConfigs")
  void baseConfigLoads(String className, String baseConfig) {
    assertNotNull(assertDoesNotThrow(() -> Serialization.deserialize(dict(className, baseConfig), Layer.class)));
  }

  @ParameterizedTest(name = "{0} {2}={3}")
  @MethodSource("badValues")
  void refusesBadValue(String className, String baseConfig, String key, String value) {
    JsonObject d = dict(className, baseConfig);
    // Parsed leniently, as config.json is: NaN and Infinity are numbers.
    JsonElement bad = JsonParser.parseString(value);
    d.getAsJsonObject("config").add(key, bad);
    InvalidConfigException e = assertThrows(InvalidConfigException.class,
        () -> Serialization.deserialize(d, Layer.class), className + " " + key + "=" + value);
    assertTrue(e.getMessage().contains("'" + key + "'"), "message names the key: " + e.getMessage());
    // The class may be a part the layer makes (an RNN's cell checks units, as in Keras).
    assertTrue(e.getMessage().startsWith("Layer 'probe' (" + className), "message names the layer: " + e.getMessage());
    assertTrue(e.key().contains(key), e.key());
    assertTrue(!e.getMessage().contains("For input string"), e.getMessage());
  }
}

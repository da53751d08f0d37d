package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jeras.core.io.Npz;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.Names;
import org.jeras.core.losses.MeanSquaredError;
import org.jeras.core.metrics.MeanAbsoluteError;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Input;
import org.jeras.core.model.InputLayer;
import org.jeras.core.model.Model;
import org.jeras.core.model.Sequential;
import org.jeras.core.optimizers.Adam;
import org.jeras.core.optimizers.AdamW;
import org.jeras.core.optimizers.OptimizerOptions;
import org.jeras.core.optimizers.RMSprop;
import org.jeras.core.optimizers.SGD;
import org.jeras.core.schedules.ExponentialDecay;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.conformance.Fixtures;
import org.jeras.core.training.CompileOptions;
import org.jeras.core.training.Dataset;
import org.jeras.core.training.FitOptions;
import org.jeras.layers.core.Activation;
import org.jeras.layers.core.Dense;
import org.jeras.layers.merging.Add;
import org.jeras.layers.merging.Concatenate;
import org.jeras.saving.custom.BuildConfigDense;
import org.jeras.saving.custom.CustomFn;
import org.jeras.saving.custom.CustomLayer;
import org.jeras.saving.custom.CustomModel;
import org.jeras.saving.custom.DenseWithExtraState;
import org.jeras.saving.custom.FixtureCustomObjects;
import org.jeras.saving.custom.MyDense;
import org.jeras.saving.custom.ScaledDense;
import org.jeras.saving.custom.ScaledTanh;
import org.jeras.saving.custom.SubclassedMLP;
import org.jeras.saving.custom.VocabLengthWeighting;
import org.jeras.saving.h5.FixtureCases;
import org.jeras.saving.h5.H5Structures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Models built in Java the way gen_fixtures.py built them in Python (same layers, names,
 * arguments, compile settings and number of training steps) save files shaped like Keras's: the
 * same zip members in the same order, config.json equal but for {@code shared_object_id} values,
 * Keras's metadata keys, and the same model.weights.h5 groups, attributes, datasets, shapes and
 * dtypes. Untrained models first take the fixture's weights (and plain state), and then their
 * saved values and predictions must match the fixture too.
 */
class JavaBuiltModelsTest {
  @TempDir
  Path tmp;

  /** One fixture rebuilt in Java: the set it is compared with ("" torch, "jax") and its builder. */
  record Case(String name, String set, Supplier<Model> build) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        new Case("seq_mlp", "", JavaBuiltModelsTest::seqMlp),
        new Case("func_mlp_named_input", "", JavaBuiltModelsTest::funcMlpNamedInput),
        new Case("func_multi_io", "", JavaBuiltModelsTest::funcMultiIo),
        new Case("dense_no_bias", "", JavaBuiltModelsTest::denseNoBias),
        new Case("nested_sequential", "", JavaBuiltModelsTest::nestedSequential),
        new Case("nested_functional_in_sequential", "", JavaBuiltModelsTest::nestedFunctionalInSequential),
        new Case("shared_layer", "", JavaBuiltModelsTest::sharedLayer),
        new Case("opt_adam_cce", "", () -> trainedMlp("adam_cce", 3, "softmax",
            CompileOptions.of(new Adam(0.01)).loss("categorical_crossentropy").metrics("accuracy"), oneHot(16, 3))),
        new Case("opt_sgd_momentum_mse", "", () -> trainedMlp("sgd_mse", 1, null,
            CompileOptions.of(new SGD(OptimizerOptions.of(0.05), 0.9, true)).loss("mse").metrics("mae"), rand(16, 1))),
        new Case("opt_rmsprop_sparse_cce", "", () -> trainedMlp("rmsprop_sparse", 4, "softmax",
            CompileOptions.of(new RMSprop(0.005)).loss("sparse_categorical_crossentropy").metrics("accuracy"),
            classIds(16, 4))),
        new Case("opt_adamw_bce", "", () -> trainedMlp("adamw_bce", 1, "sigmoid",
            CompileOptions.of(new AdamW(OptimizerOptions.of(0.01).withWeightDecay(0.01), 0.9, 0.999, 1e-7, false))
                .loss("binary_crossentropy").metrics("accuracy", "mae"), classIds(16, 2).reshape(16, 1))),
        new Case("opt_adam_untrained", "", JavaBuiltModelsTest::adamUntrained),
        new Case("opt_adam_schedule_amsgrad", "", () -> trainedMlp("adam_schedule", 2, null,
            CompileOptions.of(new Adam(OptimizerOptions.of(new ExponentialDecay(0.01, 10, 0.9)).withClipnorm(1.0),
                0.9, 0.999, 1e-7, true)).loss(new MeanSquaredError())
                .metrics(new MeanAbsoluteError("mae", DType.FLOAT32)), rand(16, 2))),
        new Case("custom_registered_layer", "", JavaBuiltModelsTest::customRegisteredLayer),
        new Case("custom_own_variables", "", JavaBuiltModelsTest::customOwnVariables),
        new Case("custom_assets", "", JavaBuiltModelsTest::customAssets),
        new Case("custom_build_config", "", JavaBuiltModelsTest::customBuildConfig),
        new Case("custom_activation", "", JavaBuiltModelsTest::customActivation),
        new Case("subclassed_model", "", JavaBuiltModelsTest::subclassedModel),
        new Case("guide_my_model", "", JavaBuiltModelsTest::guideMyModel),
        new Case("guide_custom_model", "", JavaBuiltModelsTest::guideCustomModel),
        new Case("guide_my_model_weights", "", JavaBuiltModelsTest::guideMyModelWeights),
        new Case("guide_pretrained_weights", "", JavaBuiltModelsTest::guidePretrainedWeights),
        // Torch traces a custom layer's call with a dummy batch of 83, which its sublayers' build
        // configs record; jax (and Jeras) record the symbolic batch dim, so compare with jax's file.
        new Case("guide_complex_custom", "jax", JavaBuiltModelsTest::guideComplexCustom))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void savesLikeKeras(Case c) throws IOException {
    Path dir = c.set().isEmpty() ? Fixtures.dir() : Fixtures.dir().resolve(c.set());
    Path fixture = dir.resolve(c.name() + ".keras");
    Names.reset(); // each fixture was built in a fresh Keras session
    Model m = c.build().get();
    boolean sameWeights = !m.isCompiled() || !m.optimizer().isBuilt();
    if (sameWeights) {
      copyState(Models.load(fixture, KerasFixturesTest.OPTIONS), m);
      KerasFixturesTest.checkPredictions(m, Npz.read(dir.resolve(c.name() + ".io.npz")), c.name());
    }
    Path saved = tmp.resolve(c.name() + ".keras");
    KerasFile.save(m, saved);
    KeptFiles.keep(saved, "java-built-" + (c.set().isEmpty() ? "torch" : c.set()), c.name());

    assertEquals(KerasSaveRoundTripTest.members(fixture), KerasSaveRoundTripTest.members(saved), c + ": zip members");
    KerasSaveRoundTripTest.assertSameConfig(fixture, saved, c.toString());
    List<String> keys = metadataKeys(fixture);
    keys.add("jeras_version"); // the one key Jeras adds; Keras never reads metadata.json
    assertEquals(keys, metadataKeys(saved), c + ": metadata.json keys");

    H5Structures expected = H5Structures.of(FixtureCases.zipMember(fixture, "model.weights.h5"), c.name());
    H5Structures actual = H5Structures.of(FixtureCases.zipMember(saved, "model.weights.h5"), c + " (Java-built)");
    assertEquals(expected.lines(), actual.lines(), c + ": model.weights.h5 structure");
    if (sameWeights) {
      expected.assertSameValues(actual, c.name());
    } else {
      assertEquals(expected.dataset("optimizer/vars/0"), actual.dataset("optimizer/vars/0"),
          c + ": optimizer iterations (training steps)");
    }
  }

  /** Gives {@code to} the weights (and a custom layer's plain state) of the model Keras saved. */
  private static void copyState(Model from, Model to) {
    to.setWeights(from.getWeights());
    List<Layer> src = flatten(from);
    List<Layer> dst = flatten(to);
    for (int i = 0; i < dst.size(); i++) {
      if (dst.get(i) instanceof DenseWithExtraState d) {
        d.setOffset(((DenseWithExtraState) src.get(i)).offset());
      }
    }
  }

  private static List<Layer> flatten(Layer l) {
    List<Layer> out = new ArrayList<>();
    out.add(l);
    for (Layer s : l.sublayers()) {
      out.addAll(flatten(s));
    }
    return out;
  }

  private static List<String> metadataKeys(Path keras) throws IOException {
    JsonObject o = JsonParser.parseString(new String(FixtureCases.zipMember(keras, "metadata.json"),
        StandardCharsets.UTF_8)).getAsJsonObject();
    return new ArrayList<>(o.keySet());
  }

  // ------------------------------------------------------------------ data of the right shapes

  private static int seed = 1;

  private static INDArray rand(int rows, int cols) {
    Nd4j.getRandom().setSeed(seed++);
    return Nd4j.randn(DataType.FLOAT, rows, cols);
  }

  private static INDArray classIds(int n, int classes) {
    INDArray ids = Nd4j.zeros(DataType.INT32, n);
    for (int i = 0; i < n; i++) {
      ids.putScalar(i, i % classes);
    }
    return ids;
  }

  private static INDArray oneHot(int n, int classes) {
    INDArray y = Nd4j.zeros(DataType.FLOAT, n, classes);
    for (int i = 0; i < n; i++) {
      y.putScalar(i, i % classes, 1f);
    }
    return y;
  }

  private static FitOptions oneEpoch(int batchSize) {
    return FitOptions.defaults().epochs(1).batchSize(batchSize).shuffle(false).verbose(0);
  }

  private static InputLayer input(long size) {
    return new InputLayer(Shape.of(Shape.UNKNOWN, size), DType.FLOAT32, null);
  }

  private static Tensor namedInput(long size, String name) {
    return Input.of(Shape.of(size), DType.FLOAT32, name);
  }

  private static <L extends Layer> L named(L layer, String name) {
    layer.setName(name);
    return layer;
  }

  // ------------------------------------------------------------------ the models of gen_fixtures.py

  private static Model seqMlp() {
    return new Sequential("seq_mlp", input(8), named(new Dense(16, "relu"), "hidden"),
        named(new Dense(4, "softmax"), "probs"));
  }

  private static Model funcMlpNamedInput() {
    Tensor in = namedInput(8, "features");
    Tensor h = named(new Dense(12, "relu"), "dense_a").apply(in);
    h = named(new Dense(6, "tanh"), "dense_b").apply(h);
    return new Functional(in, named(new Dense(3), "logits").apply(h), "func_mlp");
  }

  private static Model funcMultiIo() {
    Tensor a = namedInput(6, "in_a");
    Tensor b = namedInput(4, "in_b");
    Tensor ha = named(new Dense(8, "relu"), "proj_a").apply(a);
    Tensor hb = named(new Dense(8, "relu"), "proj_b").apply(b);
    Tensor added = named(new Add(), "add").apply(List.of(ha, hb));
    Tensor cat = named(new Concatenate(), "concat").apply(List.of(ha, hb, added));
    Tensor shared = named(new Dense(8, "relu"), "trunk").apply(cat);
    Tensor reg = named(new Dense(1), "out_reg").apply(shared);
    Tensor cls = named(new Dense(3, "softmax"), "out_cls").apply(shared);
    Functional m = new Functional(List.of(a, b), List.of(reg, cls), "multi_io");
    m.compile(CompileOptions.of(new Adam(0.01))
        .lossesByOutput(inOrder("out_reg", "mse", "out_cls", "categorical_crossentropy"))
        .lossWeightsByOutput(inOrder("out_reg", 1.0, "out_cls", 0.5))
        .metricsByOutput(inOrder("out_reg", List.of("mae"), "out_cls", List.of("accuracy"))));
    m.fit(new Dataset(List.of(rand(16, 6), rand(16, 4)), List.of(rand(16, 1), oneHot(16, 3)), null), oneEpoch(8));
    return m;
  }

  /** Two entries in this order, as the Python dict of the fixture lists them (the saved config keeps it). */
  @SuppressWarnings("unchecked")
  private static <V> Map<String, V> inOrder(String k1, Object v1, String k2, Object v2) {
    Map<String, V> m = new LinkedHashMap<>();
    m.put(k1, (V) v1);
    m.put(k2, (V) v2);
    return m;
  }

  private static Model denseNoBias() {
    return new Sequential("no_bias", input(5), named(new Dense(4, "relu").useBias(false), "nobias_1"),
        named(new Dense(2).useBias(false), "nobias_2"));
  }

  private static Model nestedSequential() {
    Sequential inner = new Sequential("inner_block", input(6), named(new Dense(8, "relu"), "inner_d1"),
        named(new Dense(4), "inner_d2"));
    Tensor in = namedInput(6, "x");
    Tensor h = inner.apply(in);
    return new Functional(in, named(new Dense(2), "head").apply(h), "outer");
  }

  private static Model nestedFunctionalInSequential() {
    Tensor i = Input.of(5);
    Functional inner = new Functional(i, named(new Dense(3, "tanh"), "f_dense").apply(i), "inner_func");
    return new Sequential("outer_seq", input(5), inner, named(new Dense(2), "head"));
  }

  private static Model sharedLayer() {
    Tensor a = namedInput(5, "a");
    Tensor b = namedInput(5, "b");
    Dense shared = named(new Dense(4, "relu"), "shared");
    Tensor s = named(new Add(), "sum").apply(List.of(shared.apply(a), shared.apply(b)));
    return new Functional(List.of(a, b), List.of(named(new Dense(1), "out").apply(s)), "shared_layer");
  }

  private static Sequential mlp(String name, int outputs, String outputActivation) {
    return new Sequential(name, input(8), named(new Dense(16, "relu"), "hidden"),
        named(outputActivation == null ? new Dense(outputs) : new Dense(outputs, outputActivation), "out"));
  }

  /** gen_fixtures.py's {@code _mlp}, compiled and fitted one epoch of 16 samples in batches of 8 (two steps). */
  private static Model trainedMlp(String name, int outputs, String outputActivation, CompileOptions compile, INDArray y) {
    Sequential m = mlp(name, outputs, outputActivation);
    m.compile(compile);
    m.fit(rand(16, 8), y, oneEpoch(8));
    return m;
  }

  private static Model adamUntrained() {
    Sequential m = mlp("adam_untrained", 3, "softmax");
    m.compile(CompileOptions.of(new Adam()).loss("categorical_crossentropy").metrics("accuracy"));
    return m;
  }

  private static Model customRegisteredLayer() {
    Tensor in = namedInput(5, "x");
    Tensor h = named(new ScaledDense(4, 0.5), "scaled").apply(in);
    return new Functional(in, named(new Dense(2), "out").apply(h), "custom_layer");
  }

  private static Model customOwnVariables() {
    return new Sequential("custom_own_vars", input(5), named(new DenseWithExtraState(3), "extra_state"));
  }

  private static Model customAssets() {
    VocabLengthWeighting vocab = named(new VocabLengthWeighting(5), "vocab_weight")
        .setVocabulary(List.of("a", "bb", "ccc", "dddd", "\u00e9t\u00e9s"));
    return new Sequential("custom_assets", input(5), vocab, named(new Dense(2), "out"));
  }

  private static Model customBuildConfig() {
    return new Sequential("custom_build_config", input(5), named(new BuildConfigDense(4), "bc_dense"),
        named(new Dense(2), "out"));
  }

  private static Model customActivation() {
    FixtureCustomObjects.registerFunctions();
    return new Sequential("custom_activation", input(5),
        named(new Dense(4).activation(ScaledTanh.INSTANCE), "d_scaled_tanh"), named(new Dense(3), "d2"),
        named(new Activation(ScaledTanh.INSTANCE), "act_scaled_tanh"));
  }

  private static Model subclassedModel() {
    SubclassedMLP m = named(new SubclassedMLP(new int[] {8, 6}, 3), "sub_mlp");
    m.predictOnBatch(rand(4, 5)); // build, as the generator's m(x)
    m.compile(CompileOptions.of(new Adam(0.01)).loss("mse"));
    m.fit(rand(16, 5), rand(16, 3), oneEpoch(8));
    return m;
  }

  private static Model guideMyModel() {
    Tensor in = Input.of(32);
    Functional m = new Functional(in, new Dense(1).apply(in), null);
    m.compile(CompileOptions.of(new Adam()).loss("mean_squared_error"));
    m.fit(rand(128, 32), rand(128, 1), oneEpoch(32));
    return m;
  }

  private static Model guideCustomModel() {
    FixtureCustomObjects.registerFunctions();
    Tensor in = Input.of(4);
    Tensor mid = new CustomLayer(0.5).apply(in);
    Functional m = new Functional(in, new Dense(1).activation(CustomFn.INSTANCE).apply(mid), null);
    m.compile(CompileOptions.of(new RMSprop()).loss("mean_squared_error"));
    m.fit(rand(4, 4), rand(4, 1), oneEpoch(32));
    return m;
  }

  private static Sequential digits() {
    return new Sequential((String) null, new InputLayer(Shape.of(Shape.UNKNOWN, 784), DType.FLOAT32, "digits"),
        named(new Dense(64, "relu"), "dense_1"), named(new Dense(64, "relu"), "dense_2"),
        named(new Dense(10), "predictions"));
  }

  private static Model guideMyModelWeights() {
    return digits();
  }

  private static Model guidePretrainedWeights() {
    Tensor in = namedInput(784, "digits");
    Tensor x = named(new Dense(64, "relu"), "dense_1").apply(in);
    x = named(new Dense(64, "relu"), "dense_2").apply(x);
    return new Functional(in, named(new Dense(10), "predictions").apply(x), "3_layer_mlp");
  }

  private static Model guideComplexCustom() {
    MyDense layer = new MyDense(16, new JsonPrimitive("l1"), new JsonPrimitive("ones"), null);
    Tensor in = Input.of(32);
    return new Functional(in, new CustomModel(layer, null).apply(in), null);
  }
}

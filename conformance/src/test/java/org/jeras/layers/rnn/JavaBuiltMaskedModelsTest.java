package org.jeras.layers.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jeras.conformance.Fixtures;
import org.jeras.conformance.KerasModels;
import org.jeras.core.config.Serialization;
import org.jeras.core.io.Npz;
import org.jeras.core.layer.Layer;
import org.jeras.core.layer.Names;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Input;
import org.jeras.core.model.Model;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.layers.core.Dense;
import org.jeras.layers.core.Embedding;
import org.jeras.layers.core.Masking;
import org.jeras.layers.merging.Add;
import org.jeras.layers.merging.Concatenate;
import org.jeras.saving.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Masked recurrent models built with the functional API in Java, as a user would: the symbolic
 * calls must compute masks the way Keras's do (recording {@code not_equal}/{@code any} ops and
 * passing the mask to the LSTM's call), so that with Keras's weights the predictions equal the
 * real-Keras fixture's and the saved config has Keras's nodes.
 */
class JavaBuiltMaskedModelsTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "jax/"})
  void maskingLstmBuiltInJavaMatchesKeras(String dir) {
    Names.reset();
    Tensor seqIn = Input.of(Shape.of(6, 3), DType.FLOAT32, "seq");
    Masking masking = new Masking(0.0);
    masking.setName("masking");
    LSTM seq = new LSTM(4);
    seq.returnSequences(true).setName("lstm_seq");
    LSTM last = new LSTM(3);
    last.setName("lstm_last");
    Tensor masked = masking.apply(seqIn);
    Functional model = new Functional(List.of(seqIn), List.of(seq.apply(masked), last.apply(masked)), "functional");
    Map<String, INDArray> w = KerasModels.weights(dir + "masking_lstm");
    seq.setWeights(KerasModels.vars(w, "layers/lstm/cell"));
    last.setWeights(KerasModels.vars(w, "layers/lstm_1/cell"));
    assertPredicts(model, dir + "masking_lstm");

    // The saved graph is Keras's: the same layers and op nodes in the same order, the same inbound nodes.
    JsonObject kerasConfig = KerasModels.config(dir + "masking_lstm").getAsJsonObject("config");
    JsonObject javaConfig = Serialization.serialize(model).getAsJsonObject().getAsJsonObject("config");
    assertEquals(nodes(kerasConfig), nodes(javaConfig));
    assertEquals(kerasConfig.get("input_layers"), javaConfig.get("input_layers"));
    assertEquals(kerasConfig.get("output_layers"), javaConfig.get("output_layers"));
    assertReloads(model, dir + "masking_lstm");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "jax/"})
  void embeddingMaskLstmBuiltInJavaMatchesKeras(String dir) {
    Names.reset();
    Tensor ids = Input.of(Shape.of(7), DType.INT32, "input_layer");
    Embedding emb = new Embedding(30, 5).maskZero(true);
    LSTM lstm = new LSTM(4);
    Dense out = new Dense(1, "sigmoid");
    Functional model = new Functional(ids, out.apply(lstm.apply(emb.apply(ids))), "functional");
    Map<String, INDArray> w = KerasModels.weights(dir + "embedding_mask_lstm");
    emb.setWeights(KerasModels.vars(w, "layers/embedding"));
    lstm.setWeights(KerasModels.vars(w, "layers/lstm/cell"));
    out.setWeights(KerasModels.vars(w, "layers/dense"));
    assertPredicts(model, dir + "embedding_mask_lstm");

    // What Keras 3.16 saves for this functional model (printed from keras.Model(...).get_config()):
    // the mask is a NotEqual op on the ids, called with the number 0, and it is the LSTM's mask.
    JsonObject config = Serialization.serialize(model).getAsJsonObject().getAsJsonObject("config");
    String tensor = "{'class_name': '__keras_tensor__', 'config': {'shape': %s, 'dtype': '%s', 'keras_history': ['%s', 0, 0]}}";
    String expected = "["
        + "['InputLayer', 'input_layer', []],"
        + "['Embedding', 'embedding', [{'args': [" + tensor.formatted("[null, 7]", "int32", "input_layer") + "], 'kwargs': {}}]],"
        + "['NotEqual', 'not_equal', [{'args': [" + tensor.formatted("[null, 7]", "int32", "input_layer") + ", 0], 'kwargs': {}}]],"
        + "['LSTM', 'lstm', [{'args': [" + tensor.formatted("[null, 7, 5]", "float32", "embedding") + "], 'kwargs': {'mask': "
        + tensor.formatted("[null, 7]", "bool", "not_equal") + "}}]],"
        + "['Dense', 'dense', [{'args': [" + tensor.formatted("[null, 4]", "float32", "lstm") + "], 'kwargs': {}}]]]";
    assertEquals(JsonParser.parseString(expected), nodes(config));
    assertEquals("{\"name\":\"not_equal\"}", config.getAsJsonArray("layers").get(2).getAsJsonObject().get("config").toString());
    assertReloads(model, dir + "embedding_mask_lstm");
  }

  /**
   * An embedding mask through a Bidirectional LSTM into a GRU ({@code extra/rnn_stacked/bi_lstm_concat_gru}):
   * the Bidirectional receives the not_equal mask, and (Bidirectional not supporting masking in
   * Keras) the GRU's recorded mask is null, as in Keras's file.
   */
  @ParameterizedTest
  @ValueSource(strings = {"bi_lstm_concat_gru", "bi_lstm_sum_gru"})
  void bidirectionalStackBuiltInJavaMatchesKeras(String name) throws Exception {
    Path file = Fixtures.dir().resolve("extra/rnn_stacked/" + name + ".keras");
    JsonObject kerasConfig = KerasModels.config("extra/rnn_stacked/" + name).getAsJsonObject("config");
    String mergeMode = kerasConfig.getAsJsonArray("layers").get(3).getAsJsonObject()
        .getAsJsonObject("config").get("merge_mode").getAsString();
    Model keras = Models.load(file);
    Names.reset();
    Tensor tokens = Input.of(Shape.of(7), DType.INT32, "tokens");
    Embedding emb = new Embedding(20, 3).maskZero(true);
    emb.setName("emb");
    Bidirectional bi = new Bidirectional(new LSTM(2).returnSequences(true), mergeMode, null);
    bi.setName("bi_lstm");
    RNN gru = new GRU(3).returnSequences(true);
    Tensor seq = bi.apply(emb.apply(tokens));
    Functional model = new Functional(List.of(tokens), List.of(seq, gru.apply(seq)), "functional");
    model.setWeights(keras.getWeights());
    Map<String, INDArray> io = Npz.read(file.resolveSibling(name + ".io.npz"));
    List<INDArray> want = KerasModels.outputs(io);
    List<INDArray> got = model.predictOnBatch(KerasModels.inputs(io));
    for (int i = 0; i < want.size(); i++) {
      KerasModels.assertClose(want.get(i), got.get(i), name + " output " + i);
    }
    JsonObject javaConfig = Serialization.serialize(model).getAsJsonObject().getAsJsonObject("config");
    assertEquals(nodes(kerasConfig), nodes(javaConfig), name);
  }

  /**
   * Masks through Masking, Concatenate and Add in a Java-built graph record the ops Keras records
   * (not_equal, any, expand_dims, zeros_like, logical_or, concatenate), with the same names,
   * configs and nodes: {@code functional_masks/concat_add_masks.json}, written by Keras 3.16 with
   * {@code gen_concat_add_masks.py} beside it. The model also runs, its LSTMs reading those masks.
   */
  @Test
  void mergedMasksRecordKerasOps() throws Exception {
    Tensor ids = Input.of(Shape.of(5), DType.INT32, "ids");
    Layer emb = named(new Embedding(10, 4).maskZero(true), "emb");
    Layer dense = named(new Dense(4), "d");
    Layer masking = named(new Masking(0.0), "masking");
    Layer concat = named(new Concatenate(), "cat");
    Layer add = named(new Add(), "add");
    Layer lstm = named(new LSTM(3), "lstm");
    Layer lstm2 = named(new LSTM(3), "lstm2");
    // Keras's layers built with a name take no automatic one; a Java constructor takes one before
    // setName, so the counters restart here, before the calls that name the ops.
    Names.reset();
    Tensor embedded = emb.apply(ids);
    Tensor masked = masking.apply(dense.apply(embedded));
    Functional model = new Functional(List.of(ids), List.of(lstm.apply(concat.apply(List.of(embedded, masked))),
        lstm2.apply(add.apply(List.of(embedded, masked)))), "functional");
    JsonArray expected;
    try (Reader r = Files.newBufferedReader(Path.of(Fixtures.dir().getParent().toString(),
        "functional_masks", "concat_add_masks.json"))) {
      expected = JsonParser.parseReader(r).getAsJsonArray();
    }
    JsonArray actual = new JsonArray();
    for (JsonElement e : Serialization.serialize(model).getAsJsonObject().getAsJsonObject("config")
        .getAsJsonArray("layers")) {
      JsonObject d = e.getAsJsonObject();
      JsonArray row = new JsonArray();
      row.add(d.get("class_name"));
      row.add(d.get("name"));
      row.add(d.get("module").getAsString().startsWith("keras.src.ops") ? d.get("config") : JsonNull.INSTANCE);
      row.add(d.get("inbound_nodes"));
      actual.add(row);
    }
    assertEquals(expected, actual);
    INDArray x = Nd4j.createFromArray(new int[][] {{3, 1, 0, 0, 0}, {2, 9, 4, 7, 0}});
    List<INDArray> out = model.predictOnBatch(List.of(x));
    assertEquals(List.of(2L, 3L), List.of(out.get(0).size(0), out.get(0).size(1)));
  }

  private static <L extends Layer> L named(L layer, String name) {
    layer.setName(name);
    return layer;
  }

  /** Each layer dict's class, name and inbound nodes, in order. */
  private static JsonArray nodes(JsonObject modelConfig) {
    JsonArray out = new JsonArray();
    for (JsonElement e : modelConfig.getAsJsonArray("layers")) {
      JsonObject d = e.getAsJsonObject();
      JsonArray row = new JsonArray();
      row.add(d.get("class_name"));
      row.add(d.get("name"));
      row.add(d.get("inbound_nodes"));
      out.add(row);
    }
    return out;
  }

  private static void assertPredicts(Model model, String fixture) {
    Map<String, INDArray> io = Fixtures.npz(fixture + ".io.npz");
    List<INDArray> want = KerasModels.outputs(io);
    List<INDArray> got = model.predictOnBatch(KerasModels.inputs(io));
    assertEquals(want.size(), got.size(), fixture + ": outputs");
    for (int i = 0; i < want.size(); i++) {
      KerasModels.assertClose(want.get(i), got.get(i), fixture + " output " + i);
    }
  }

  /** The Java-built model's config rebuilds a model that, with the same weights, predicts the same. */
  private static void assertReloads(Model model, String fixture) {
    Model back = (Model) Serialization.deserialize(Serialization.serialize(model), Layer.class);
    back.setWeights(model.getWeights());
    assertPredicts(back, fixture);
  }
}

package org.jeras.layers.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Functional;
import org.jeras.core.model.Input;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Expectations derived from Keras's text_vectorization.py and TensorFlow's string ops (no fixtures without TF). */
class TextVectorizationTest {
  @TempDir
  Path tmp;

  private static final INDArray DOCS = StringTensors.of("The cat sat.", "the DOG, the cat!", "  Bird  ");

  @Test
  void adaptAndVectorize() {
    TextVectorization tv = new TextVectorization();
    tv.adapt(DOCS);
    // Counts: the 3, cat 2, then ties by token descending: sat, dog, bird.
    assertEquals(List.of("", "[UNK]", "the", "cat", "sat", "dog", "bird"), tv.getVocabulary(true));
    INDArray out = tv.apply(Tensor.of(StringTensors.of(new long[] {2, 1}, "The bird flew", "cat"))).value();
    assertArrayEquals(new long[] {2, 3}, out.shape());
    assertArrayEquals(new long[] {2, 6, 1, 3, 0, 0}, out.reshape(6).toLongVector());
  }

  @Test
  void outputSequenceLengthCutsAndPads() {
    TextVectorization tv = new TextVectorization(null, "lower_and_strip_punctuation", "whitespace", JsonNull.INSTANCE,
        "int", 2, false, List.of("a", "b"), null);
    INDArray out = tv.apply(Tensor.of(StringTensors.of("a b a", "b"))).value();
    assertArrayEquals(new long[] {2, 3, 3, 0}, out.reshape(4).toLongVector());
  }

  @Test
  void ngramsAndCharacters() {
    TextVectorization tv = new TextVectorization(null, null, "whitespace", new JsonPrimitive(2), "int", null, false,
        List.of("x", "y", "x y"), null);
    List<List<String>> rows = tv.preprocess(StringTensors.of("x y z"));
    assertEquals(List.of("x", "y", "z", "x y", "y z"), rows.get(0));
    assertArrayEquals(new long[] {2, 3, 1, 4, 1}, tv.apply(Tensor.of(StringTensors.of("x y z"))).value().reshape(5).toLongVector());
    TextVectorization chars = new TextVectorization(null, "lower", "character", JsonNull.INSTANCE, "int", null, false,
        List.of("a", "\u00e9"), null);
    assertEquals(List.of("a", "\u00e9", "b"), chars.preprocess(StringTensors.of("A\u00e9b")).get(0));
    TextVectorization none = new TextVectorization(null, "strip_punctuation", null, JsonNull.INSTANCE, "int", null, false,
        List.of("Hi there"), null);
    assertEquals(List.of("Hi there"), none.preprocess(StringTensors.of("Hi, there!")).get(0));
  }

  @Test
  void encodedModes() {
    TextVectorization multi = new TextVectorization(null, "lower_and_strip_punctuation", "whitespace", JsonNull.INSTANCE,
        "multi_hot", null, false, List.of("a", "b", "c"), null);
    INDArray out = multi.apply(Tensor.of(StringTensors.of("a a z", "c"))).value();
    // Non-int modes: [UNK] at 0, tokens from 1; padding ("") is ignored.
    assertArrayEquals(new long[] {2, 4}, out.shape());
    assertArrayEquals(new long[] {1, 1, 0, 0, 0, 0, 0, 1}, out.reshape(8).toLongVector());
    TextVectorization count = new TextVectorization(4, "lower_and_strip_punctuation", "whitespace", JsonNull.INSTANCE,
        "count", null, true, List.of("a", "b"), null);
    INDArray c = count.apply(Tensor.of(StringTensors.of("a a q"))).value();
    assertArrayEquals(new long[] {1, 4}, c.shape(), "pad_to_max_tokens gives max_tokens columns");
    assertArrayEquals(new long[] {1, 2, 0, 0}, c.reshape(4).toLongVector());
  }

  @Test
  void symbolicStringInputsInAFunctionalModel() {
    Tensor in = Input.of(Shape.of(1), DType.STRING, "text");
    TextVectorization tv = new TextVectorization(null, "lower_and_strip_punctuation", "whitespace", JsonNull.INSTANCE,
        "int", 3, false, List.of("a", "b"), null);
    Tensor ids = tv.apply(in);
    assertEquals(Shape.of(-1, 3), ids.shape());
    StringLookup lookup = new StringLookup(List.of("x"));
    assertEquals(Shape.of(-1, 1), lookup.apply(in).shape());
    Hashing hashing = new Hashing(4, null, null, "one_hot");
    assertEquals(Shape.of(-1, 4), hashing.apply(in).shape());
    Functional model = new Functional(in, ids, "texts");
    INDArray out = model.predictOnBatch(StringTensors.of(new long[] {2, 1}, "B a", "zz"));
    assertArrayEquals(new long[] {3, 2, 0, 1, 0, 0}, out.reshape(6).toLongVector());
  }

  @Test
  void vocabularyAssetAndConfig() throws IOException {
    TextVectorization tv = new TextVectorization();
    tv.adapt(DOCS);
    tv.saveAssets(tmp);
    assertEquals("\n[UNK]\nthe\ncat\nsat\ndog\nbird", Files.readString(tmp.resolve("vocabulary.txt")));
    TextVectorization back = (TextVectorization) Serialization.deserialize(Serialization.serialize(tv), Layer.class);
    back.loadAssets(tmp);
    assertEquals(tv.getVocabulary(true), back.getVocabulary(true));
    assertEquals(tv.getConfig(), back.getConfig());
    assertEquals(List.of("name", "trainable", "dtype", "max_tokens", "standardize", "split", "ngrams", "output_mode",
        "output_sequence_length", "pad_to_max_tokens", "sparse", "ragged", "vocabulary", "idf_weights", "encoding",
        "vocabulary_size"), List.copyOf(tv.getConfig().json().keySet()));
    assertEquals(7, tv.getConfig().getInt("vocabulary_size"));
    assertEquals(List.of("_lookup_layer"), List.copyOf(tv.trackedAttributes().keySet()));
    assertThrows(ConfigException.class, () -> new TextVectorization(null, "upper", "whitespace", JsonNull.INSTANCE, "int",
        null, false, null, null));
    assertThrows(ConfigException.class, () -> new TextVectorization(null, null, "whitespace", JsonNull.INSTANCE, "count",
        3, false, null, null));
  }
}

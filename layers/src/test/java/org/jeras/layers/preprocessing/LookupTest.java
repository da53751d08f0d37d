package org.jeras.layers.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.MapVariableStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Expectations derived from Keras's IndexLookup source (no TensorFlow, hence no fixtures). */
class LookupTest {
  @TempDir
  Path tmp;

  private static long[] ids(Layer l, INDArray in) {
    return l.apply(Tensor.of(in)).value().reshape(in.length()).toLongVector();
  }

  @Test
  void stringLookupIndices() {
    StringLookup l = new StringLookup(List.of("a", "b", "c"));
    // [UNK] is index 0, the vocabulary follows.
    assertArrayEquals(new long[] {1, 3, 0, 2}, ids(l, StringTensors.of(new long[] {2, 2}, "a", "c", "zz", "b")));
    assertEquals(List.of("[UNK]", "a", "b", "c"), l.getVocabulary(true));
    // With a mask token: mask 0, OOV 1, tokens from 2.
    StringLookup m = new StringLookup(IndexLookup.Options.defaults(), "", "[UNK]", List.of("a", "b"), null);
    assertArrayEquals(new long[] {0, 2, 3, 1}, ids(m, StringTensors.of("", "a", "b", "x")));
    // A vocabulary that already starts with the special tokens keeps its layout.
    StringLookup s = new StringLookup(List.of("[UNK]", "a", "b"));
    assertEquals(List.of("[UNK]", "a", "b"), s.getVocabulary(true));
    // Inversion.
    StringLookup inv = new StringLookup(IndexLookup.Options.defaults().withInvert(true), null, "[UNK]", List.of("a", "b"), null);
    INDArray back = inv.apply(Tensor.of(Nd4j.createFromArray(new long[] {2, 1, 0, 7}))).value();
    assertArrayEquals(new String[] {"b", "a", "[UNK]", "[UNK]"}, StringTensors.values(back));
    assertThrows(ConfigException.class, () -> new StringLookup(List.of("a", "a")));
    StringLookup strict = new StringLookup(IndexLookup.Options.defaults().withNumOovIndices(0), null, "[UNK]", List.of("a"), null);
    assertThrows(IllegalArgumentException.class, () -> strict.apply(Tensor.of(StringTensors.of("b"))));
  }

  @Test
  void nonAsciiStringsRoundTrip() {
    String[] words = {"caf\u00e9", "\u65e5\u672c", "\ud83d\ude00", ""};
    assertArrayEquals(words, StringTensors.values(StringTensors.of(new long[] {2, 2}, words)));
    StringLookup l = new StringLookup(List.of(words[0], words[1]));
    assertArrayEquals(new long[] {1, 2, 0}, ids(l, StringTensors.of(words[0], words[1], words[2])));
  }

  @Test
  void oovBucketsHashOrFloorMod() {
    StringLookup two = new StringLookup(IndexLookup.Options.defaults().withNumOovIndices(2), null, "[UNK]", List.of("x"), null);
    long expected = Long.remainderUnsigned(FarmHash.fingerprint64("omar".getBytes(StandardCharsets.UTF_8)), 2);
    assertArrayEquals(new long[] {expected, 2}, ids(two, StringTensors.of("omar", "x")));
    IntegerLookup ints = new IntegerLookup(IndexLookup.Options.defaults().withNumOovIndices(3), null, -1L, List.of(10L, 20L), null);
    // floormod(-7, 3) = 2, floormod(8, 3) = 2, floormod(9, 3) = 0; tokens start at 3.
    assertArrayEquals(new long[] {2, 2, 0, 3, 4}, ids(ints, Nd4j.createFromArray(-7L, 8L, 9L, 10L, 20L)));
  }

  @Test
  void outputModes() {
    StringLookup multi = new StringLookup(IndexLookup.Options.defaults().withOutputMode("multi_hot"), null, "[UNK]",
        List.of("a", "b", "c"), null);
    INDArray out = multi.apply(Tensor.of(StringTensors.of(new long[] {2, 3}, "a", "a", "q", "c", "b", "c"))).value();
    assertEquals(DataType.LONG, out.dataType(), "Keras encodes with the int64 value dtype");
    assertArrayEquals(new long[] {1, 1, 0, 0, 0, 0, 1, 1}, out.reshape(8).toLongVector());
    StringLookup count = new StringLookup(IndexLookup.Options.defaults().withOutputMode("count"), null, "[UNK]",
        List.of("a", "b", "c"), null);
    assertArrayEquals(new long[] {1, 2, 0, 0, 0, 0, 1, 2},
        count.apply(Tensor.of(StringTensors.of(new long[] {2, 3}, "a", "a", "q", "c", "b", "c"))).value().reshape(8).toLongVector());
    // tf_idf: counts times the idf weights; the OOV slot gets the mean weight when the
    // vocabulary has no special tokens.
    StringLookup tfidf = new StringLookup(IndexLookup.Options.defaults().withOutputMode("tf_idf"), null, "[UNK]",
        List.of("a", "b"), new double[] {0.5, 1.5});
    INDArray t = tfidf.apply(Tensor.of(StringTensors.of(new long[] {1, 3}, "a", "a", "z"))).value();
    assertArrayEquals(new float[] {1.0f, 1.0f, 0f}, t.reshape(3).toFloatVector(), 1e-6f);
    // Outside int mode the mask token contributes nothing.
    StringLookup masked = new StringLookup(IndexLookup.Options.defaults().withOutputMode("multi_hot"), "", "[UNK]",
        List.of("a"), null);
    assertArrayEquals(new long[] {0, 1}, masked.apply(Tensor.of(StringTensors.of(new long[] {1, 2}, "", "a"))).value()
        .reshape(2).toLongVector());
  }

  @Test
  void adaptOrdersByFrequencyThenTokenDescending() {
    StringLookup l = new StringLookup();
    l.adapt(StringTensors.of("b", "a", "c", "a", "b", "d", "[UNK]"));
    // a and b twice (b > a), then d > c once; the OOV token is left out.
    assertEquals(List.of("[UNK]", "b", "a", "d", "c"), l.getVocabulary(true));
    IntegerLookup il = new IntegerLookup(IndexLookup.Options.defaults().withMaxTokens(3, false), 0L, -1L, null, null);
    il.adapt(Nd4j.createFromArray(5L, 7L, 7L, 0L, 0L, 0L, 3L));
    // mask 0 and OOV take two slots; max_tokens 3 keeps one token: 7.
    assertEquals(List.of(0L, -1L, 7L), il.getVocabulary(true));
    StringLookup tfidf = new StringLookup(IndexLookup.Options.defaults().withOutputMode("tf_idf"), null, "[UNK]", null, null);
    tfidf.adapt(StringTensors.of(new long[] {2, 2}, "x", "x", "x", "y"));
    // Two documents: x in both, y in one: idf = log(1 + 2/3), log(1 + 2/2); OOV slot = their mean.
    double ix = Math.log(1 + 2.0 / 3);
    double iy = Math.log(2);
    INDArray out = tfidf.apply(Tensor.of(StringTensors.of(new long[] {1, 3}, "x", "y", "q"))).value();
    assertArrayEquals(new float[] {(float) ((ix + iy) / 2), (float) ix, (float) iy}, out.reshape(3).toFloatVector(), 1e-6f);
  }

  @Test
  void vocabularyIsSavedAsKerasAsset() throws IOException {
    StringLookup l = new StringLookup(IndexLookup.Options.defaults(), "[MASK]", "[UNK]", null, null);
    l.adapt(StringTensors.of("hi", "there", "hi"));
    l.saveAssets(tmp);
    assertEquals("[MASK]\n[UNK]\nhi\nthere", Files.readString(tmp.resolve("vocabulary.txt")));
    StringLookup back = (StringLookup) Serialization.deserialize(Serialization.serialize(l), Layer.class);
    back.loadAssets(tmp);
    assertEquals(l.getVocabulary(true), back.getVocabulary(true));
    assertArrayEquals(new long[] {2, 3, 1, 0}, ids(back, StringTensors.of("hi", "there", "x", "[MASK]")));
    // A layer whose vocabulary is in its config writes no asset.
    Path other = Files.createDirectory(tmp.resolve("fixed"));
    new StringLookup(List.of("a")).saveAssets(other);
    assertTrue(Files.notExists(other.resolve("vocabulary.txt")));
    IntegerLookup ints = new IntegerLookup();
    ints.adapt(Nd4j.createFromArray(4L, 4L, 9L));
    Path intDir = Files.createDirectory(tmp.resolve("ints"));
    ints.saveAssets(intDir);
    assertEquals("-1\n4\n9", Files.readString(intDir.resolve("vocabulary.txt")));
    IntegerLookup intsBack = IntegerLookup.fromConfig(ints.getConfig());
    Files.writeString(intDir.resolve("vocabulary.txt"), "-1\n4\n9\n\n");
    intsBack.loadAssets(intDir);
    assertEquals(List.of(-1L, 4L, 9L), intsBack.getVocabulary(true));
  }

  @Test
  void idfWeightsAreAVariable() {
    StringLookup tfidf = new StringLookup(IndexLookup.Options.defaults().withOutputMode("tf_idf"), null, "[UNK]", null, null);
    tfidf.adapt(StringTensors.of(new long[] {2, 1}, "x", "y"));
    MapVariableStore store = new MapVariableStore("layers/string_lookup/vars");
    tfidf.saveOwnVariables(store);
    assertEquals(List.of("idf_weights"), store.keys());
    assertEquals(3, store.get("idf_weights").length());
  }

  @Test
  void configs() {
    StringLookup s = new StringLookup(List.of("a", "b"));
    assertEquals(List.of("name", "trainable", "dtype", "invert", "max_tokens", "num_oov_indices", "oov_token", "mask_token",
        "output_mode", "sparse", "pad_to_max_tokens", "idf_weights", "vocabulary", "vocabulary_size", "oov_method", "salt",
        "encoding"), List.copyOf(s.getConfig().json().keySet()));
    assertEquals(s.getConfig(), Serialization.deserialize(Serialization.serialize(s), Layer.class).getConfig());
    IntegerLookup i = new IntegerLookup(IndexLookup.Options.defaults().withOutputMode("count"), 0L, -1L, List.of(3L, 4L), null);
    assertTrue(i.getConfig().has("vocabulary_dtype"));
    assertEquals(i.getConfig(), Serialization.deserialize(Serialization.serialize(i), Layer.class).getConfig());
    assertNull(new StringLookup().getConfig().getOrNull("vocabulary_size").isJsonNull() ? null : "set");
    assertThrows(ConfigException.class, () -> new StringLookup(IndexLookup.Options.defaults().withOutputMode("tf_idf"), null,
        "[UNK]", List.of("a"), null));
  }
}

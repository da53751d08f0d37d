package org.jeras.layers.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * TensorFlow is not available here, so the hash functions are checked against published
 * fingerprints (TensorFlow's own frozen values for "Hello"/"World", FarmHash Fingerprint64 test
 * vectors of every length class, the SipHash paper's vectors) and the layer against the bucket
 * values in Keras's Hashing docstring and tests, which real TensorFlow produced.
 */
class HashingTest {
  private static long fp(String s) {
    return FarmHash.fingerprint64(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void farmHashFingerprints() {
    // tensorflow/core/platform/fingerprint_test.cc
    assertEquals(Long.parseUnsignedLong("15404698994557526151"), fp("Hello"));
    assertEquals(Long.parseUnsignedLong("18308117990299812472"), fp("World"));
    Map<String, Long> vectors = Map.of(
        "", 0x9ae16a3b2f90404fL,
        "a", 0xb3454265b6df75e3L,
        "abc", 0x24a5b3a074e7f369L,
        "abcdefghij", 0x8a3abb6a5f3fb7fbL,
        "hello world", 0x588fb7478bd6b01bL,
        "docklandsman@gmail.com", 0xb678cf3842309f40L,
        "C is as portable as Stonehedge!!", 0xb944f8a16261e414L);
    vectors.forEach((s, h) -> assertEquals(h, fp(s), s));
    // Fingerprint64 vectors of 33..64 bytes.
    assertEquals(Long.parseUnsignedLong("6862335115798125349"), fp("F7479877-4690-4A44-AFC9-8FE987EA512F:some_other_id"));
    assertEquals(Long.parseUnsignedLong("9728733090894310797"), fp("2/?98ns)xbzEVL^:wCS$7l3@_g!zP^<D.-bd6"));
    assertEquals(Long.parseUnsignedLong("5510670329273533446"), fp("NXooOPwHej5=c_V0(47=-)N!vNdd:$fMs1B"));
    // Longer than 64 bytes (the block loop), as in Guava's Fingerprint64 tests.
    assertEquals(3500507768004279527L, fp("test".repeat(64)));
    assertEquals(Long.parseUnsignedLong("14340110469024474010"),
        fp("0376d8dc-a717-425a-9dd2-d4b36bcaddac:65d52a5d-4f88-4a78-97c9-08464d44bbb6"));
    assertEquals(8581389452482819506L, fp("test"));
    assertEquals(-4196240717365766262L, fp("test".repeat(8)));
  }

  @Test
  void sipHashPaperVectors() {
    long k0 = 0x0706050403020100L;
    long k1 = 0x0f0e0d0c0b0a0908L;
    assertEquals(0x726fdb47dd0e0e31L, SipHash.hash(k0, k1, new byte[0]));
    byte[] m = new byte[15];
    for (int i = 0; i < m.length; i++) {
      m[i] = (byte) i;
    }
    assertEquals(0xa129ca6149be45e5L, SipHash.hash(k0, k1, m));
  }

  private static long[] hash(Hashing h, INDArray in) {
    return h.apply(Tensor.of(in)).value().reshape(in.length()).toLongVector();
  }

  private static final INDArray LETTERS = StringTensors.of(new long[] {5, 1}, "A", "B", "C", "D", "E");
  private static final INDArray WIRE = StringTensors.of(new long[] {5, 1}, "omar", "stringer", "marlo", "wire", "skywalker");

  @Test
  void bucketsMatchTensorFlow() {
    assertArrayEquals(new long[] {1, 0, 1, 1, 2}, hash(new Hashing(3), LETTERS));
    assertArrayEquals(new long[] {1, 1, 0, 2, 2},
        hash(new Hashing(3, new JsonPrimitive(""), null, "int"), StringTensors.of(new long[] {5, 1}, "A", "B", "", "C", "D")));
    assertArrayEquals(new long[] {1, 2, 1, 0, 2}, hash(new Hashing(3, null, new long[] {133, 137}, "int"), LETTERS));
    assertArrayEquals(new long[] {0, 0, 2, 1, 0}, hash(new Hashing(3, null, new long[] {133, 133}, "int"), LETTERS));
    assertArrayEquals(new long[] {0, 0, 0, 0, 0}, hash(new Hashing(1), LETTERS));
    assertArrayEquals(new long[] {0, 0, 1, 0, 0}, hash(new Hashing(2), WIRE));
    assertArrayEquals(new long[] {1, 1, 2, 1, 1}, hash(new Hashing(3, new JsonPrimitive(""), null, "int"), WIRE));
    assertArrayEquals(new long[] {0, 1, 2, 1, 1}, hash(new Hashing(3, new JsonPrimitive("omar"), null, "int"), WIRE));
    assertArrayEquals(new long[] {0, 1, 0, 1, 0}, hash(new Hashing(2, null, new long[] {133, 137}, "int"), WIRE));
    assertArrayEquals(new long[] {1, 0, 1, 0, 1}, hash(new Hashing(2, null, new long[] {211, 137}, "int"), WIRE));
    INDArray ints = Nd4j.createFromArray(new long[][] {{0}, {1}, {2}, {3}, {4}});
    assertArrayEquals(new long[] {1, 0, 1, 0, 2}, hash(new Hashing(3), ints));
    assertArrayEquals(new long[] {1, 1, 2, 0, 1}, hash(new Hashing(3, null, new long[] {133, 137}, "int"), ints));
    assertArrayEquals(new long[] {1, 1, 1}, hash(new Hashing(2), Nd4j.createFromArray(1, 2, 3)));
    // TensorFlow's to_hash_bucket_fast docstring: ["Hello", "TensorFlow", "2.x"] in 3 buckets.
    assertArrayEquals(new long[] {0, 2, 2}, hash(new Hashing(3), StringTensors.of("Hello", "TensorFlow", "2.x")));
    assertEquals(DataType.LONG, new Hashing(3).apply(Tensor.of(LETTERS)).value().dataType(), "int64 indices");
  }

  @Test
  void encodedOutputs() {
    INDArray oneHot = new Hashing(3, null, null, "one_hot").apply(Tensor.of(Nd4j.createFromArray(new int[][] {{0}, {1}, {2}, {3}, {4}})))
        .value();
    assertArrayEquals(new long[] {5, 3}, oneHot.shape());
    assertArrayEquals(new float[] {0, 1, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1}, oneHot.reshape(15).toFloatVector());
    INDArray multi = new Hashing(3, null, null, "multi_hot").apply(Tensor.of(Nd4j.createFromArray(new int[][] {{0, 1, 2, 3, 4}})))
        .value();
    assertArrayEquals(new float[] {1, 1, 1}, multi.reshape(3).toFloatVector());
  }

  @Test
  void configs() {
    Hashing h = new Hashing(4, new JsonPrimitive(""), new long[] {1, 2}, "count");
    Layer back = Serialization.deserialize(Serialization.serialize(h), Layer.class);
    assertEquals(h.getConfig(), back.getConfig());
    assertEquals(List.of("name", "trainable", "dtype", "num_bins", "salt", "mask_value", "output_mode", "sparse"),
        List.copyOf(new Hashing(2).getConfig().json().keySet()));
    assertEquals("int64", new Hashing(2).getConfig().getConfig("dtype").getConfig("config").getString("name"));
    assertThrows(ConfigException.class, () -> new Hashing(0));
    assertThrows(ConfigException.class, () -> new Hashing(3, null, null, "tf_idf"));
  }
}

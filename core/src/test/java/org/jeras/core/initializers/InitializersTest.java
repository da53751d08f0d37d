package org.jeras.core.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.random.Seeds;
import org.jeras.core.tensor.DType;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class InitializersTest {
  private static final long[] DENSE = {128, 256};
  private static final long[] CONV = {3, 3, 16, 32}; // fan_in 144, fan_out 288

  private static Initializer fromJson(String json) {
    return Serialization.deserialize(JsonParser.parseString(json), Initializer.class);
  }

  private static List<String> keys(Config c) {
    return new ArrayList<>(c.json().keySet());
  }

  @Test
  void configKeysAreKeras() {
    List<String> preset = List.of("seed", "input_axes", "output_axes");
    for (Initializer i : List.of(new GlorotUniform(), new GlorotNormal(), new HeUniform(), new HeNormal(),
        new LecunUniform(), new LecunNormal())) {
      assertEquals(preset, keys(i.getConfig()), i.className());
    }
    assertEquals(List.of("seed", "scale", "mode", "distribution", "input_axes", "output_axes"),
        keys(new VarianceScaling(1.0, "fan_in", "truncated_normal", null).getConfig()));
    assertEquals(List.of("seed", "mean", "stddev"), keys(new RandomNormal().getConfig()));
    assertEquals(List.of("seed", "mean", "stddev"), keys(new TruncatedNormal().getConfig()));
    assertEquals(List.of("seed", "minval", "maxval"), keys(new RandomUniform().getConfig()));
    assertEquals(List.of("seed", "gain"), keys(new Orthogonal().getConfig()));
    assertEquals(List.of("gain"), keys(new Identity().getConfig()));
    assertEquals(List.of("value"), keys(new Constant().getConfig()));
    assertEquals("{\"seed\":null,\"scale\":1.0,\"mode\":\"fan_in\",\"distribution\":\"truncated_normal\","
        + "\"input_axes\":null,\"output_axes\":null}", new VarianceScaling(1.0, "fan_in", "normal", null).getConfig().toJson());
    assertEquals("{\"seed\":null,\"mean\":0.0,\"stddev\":0.05}", new TruncatedNormal().getConfig().toJson());
  }

  @Test
  void configsRoundTrip() {
    List<Initializer> all = List.of(new GlorotUniform(42L, new int[] {0}, new int[] {1}), new HeNormal(7L),
        new VarianceScaling(PyNumberOf(2), "fan_avg", "uniform", 3L, null, null), new RandomNormal(1.0, 0.5, 9L),
        new TruncatedNormal(0.0, 2.0, 1L), new RandomUniform(-1.0, 1.0, 5L), new Orthogonal(2.0, 11L),
        new Identity(0.5), new Constant(3), new Constant(0.25), new Zeros(), new Ones());
    for (Initializer i : all) {
      JsonElement dict = Serialization.serialize(i);
      Initializer back = Serialization.deserialize(JsonParser.parseString(dict.toString()), Initializer.class);
      assertEquals(i.getClass(), back.getClass());
      assertEquals(i.getConfig(), back.getConfig(), i.className());
      assertEquals(i.getConfig().toJson(), back.getConfig().toJson(), i.className());
    }
    // Numbers keep the form they were given in, as Python writes them.
    assertEquals("{\"value\":3}", new Constant(3).getConfig().toJson());
    assertEquals("{\"value\":3.0}", new Constant(3.0).getConfig().toJson());
    assertEquals("{\"seed\":42,\"input_axes\":[0],\"output_axes\":[1]}",
        new GlorotUniform(42L, new int[] {0}, new int[] {1}).getConfig().toJson());
  }

  private static Number PyNumberOf(int v) {
    return v;
  }

  @Test
  void stringNamesResolveAsKeras() {
    Map<String, Class<?>> names = Map.ofEntries(Map.entry("glorot_uniform", GlorotUniform.class),
        Map.entry("GlorotUniform", GlorotUniform.class), Map.entry("glorot_normal", GlorotNormal.class),
        Map.entry("he_uniform", HeUniform.class), Map.entry("he_normal", HeNormal.class),
        Map.entry("lecun_uniform", LecunUniform.class), Map.entry("lecun_normal", LecunNormal.class),
        Map.entry("orthogonal", Orthogonal.class), Map.entry("OrthogonalInitializer", Orthogonal.class),
        Map.entry("identity", Identity.class), Map.entry("IdentityInitializer", Identity.class),
        Map.entry("zeros", Zeros.class), Map.entry("zero", Zeros.class), Map.entry("ones", Ones.class),
        Map.entry("one", Ones.class), Map.entry("constant", Constant.class),
        Map.entry("random_normal", RandomNormal.class), Map.entry("normal", RandomNormal.class),
        Map.entry("random_uniform", RandomUniform.class), Map.entry("uniform", RandomUniform.class),
        Map.entry("truncated_normal", TruncatedNormal.class), Map.entry("variance_scaling", VarianceScaling.class));
    for (Map.Entry<String, Class<?>> e : names.entrySet()) {
      Initializer i = Serialization.deserialize(new JsonPrimitive(e.getKey()), Initializer.class);
      assertEquals(e.getValue(), i.getClass(), e.getKey());
    }
    assertInstanceOf(Orthogonal.class, fromJson(
        "{\"module\": \"keras.initializers\", \"class_name\": \"OrthogonalInitializer\", \"config\": {\"gain\": 1.0}}"));
    assertInstanceOf(HeNormal.class, Initializers.get("he_normal"));
    ConfigException e = assertThrows(ConfigException.class, () -> Initializers.get("glorot"));
    assertTrue(e.getMessage().contains("glorot"), e.getMessage());
  }

  @Test
  void badConfigsNameTheKey() {
    ConfigException mode = assertThrows(ConfigException.class, () -> fromJson(
        "{\"module\": \"keras.initializers\", \"class_name\": \"VarianceScaling\", \"config\": {\"mode\": \"fan_x\"}}"));
    assertTrue(mode.getMessage().contains("'mode'"), mode.getMessage());
    ConfigException scale = assertThrows(ConfigException.class, () -> fromJson(
        "{\"module\": \"keras.initializers\", \"class_name\": \"VarianceScaling\", \"config\": {\"scale\": -1.0}}"));
    assertTrue(scale.getMessage().contains("'scale'"), scale.getMessage());
    ConfigException seed = assertThrows(ConfigException.class, () -> fromJson(
        "{\"module\": \"keras.initializers\", \"class_name\": \"HeNormal\", \"config\": {\"seed\": \"x\"}}"));
    assertTrue(seed.getMessage().contains("'seed'"), seed.getMessage());
    ConfigException dist = assertThrows(ConfigException.class,
        () -> new VarianceScaling(1.0, "fan_in", "cauchy", null));
    assertTrue(dist.getMessage().contains("'distribution'"), dist.getMessage());
  }

  // ---- values ----

  @Test
  void fansFollowKeras() {
    assertArrayEquals(new long[] {1, 1}, VarianceScaling.computeFans(new long[0], null, null));
    assertArrayEquals(new long[] {5, 5}, VarianceScaling.computeFans(new long[] {5}, null, null));
    assertArrayEquals(new long[] {3, 4}, VarianceScaling.computeFans(new long[] {3, 4}, null, null));
    assertArrayEquals(new long[] {144, 288}, VarianceScaling.computeFans(CONV, null, null));
    assertArrayEquals(new long[] {48, 32}, VarianceScaling.computeFans(CONV, new int[] {0, -2}, new int[] {3}));
    // Only one of the axis lists set: the default rule applies.
    assertArrayEquals(new long[] {144, 288}, VarianceScaling.computeFans(CONV, new int[] {0}, null));
  }

  /** Sample mean and standard deviation. */
  private static double[] moments(INDArray a) {
    double[] v = a.castTo(DataType.DOUBLE).data().asDouble();
    double mean = 0;
    for (double x : v) {
      mean += x;
    }
    mean /= v.length;
    double var = 0;
    for (double x : v) {
      var += (x - mean) * (x - mean);
    }
    return new double[] {mean, Math.sqrt(var / v.length), a.amaxNumber().doubleValue()};
  }

  /** Checks shape, dtype, the mean (within 5 standard errors), std (within 3%) and the bound. */
  private static void assertDistribution(Initializer init, long[] shape, double mean, double std, double bound) {
    INDArray v = init.generate(shape, DType.FLOAT32);
    assertArrayEquals(shape, v.shape());
    assertEquals(DataType.FLOAT, v.dataType());
    double[] m = moments(v);
    double n = v.length();
    assertEquals(mean, m[0], 5 * std / Math.sqrt(n), init.className() + " mean");
    assertEquals(std, m[1], 0.03 * std, init.className() + " std");
    assertTrue(Math.abs(m[2] - mean) <= bound * (1 + 1e-6) + Math.abs(mean), init.className() + " bound " + m[2]);
  }

  @Test
  void varianceScalingFamilyStatistics() {
    double avgDense = (128 + 256) / 2.0;
    double glorotLimit = Math.sqrt(3.0 / avgDense);
    assertDistribution(new GlorotUniform(1L), DENSE, 0, glorotLimit / Math.sqrt(3), glorotLimit);
    double glorotStd = Math.sqrt(1.0 / avgDense);
    assertDistribution(new GlorotNormal(2L), DENSE, 0, glorotStd, 2 * glorotStd / VarianceScaling.TRUNCATED_STDDEV);
    double heLimit = Math.sqrt(6.0 / 144);
    assertDistribution(new HeUniform(3L), CONV, 0, heLimit / Math.sqrt(3), heLimit);
    double heStd = Math.sqrt(2.0 / 144);
    assertDistribution(new HeNormal(4L), CONV, 0, heStd, 2 * heStd / VarianceScaling.TRUNCATED_STDDEV);
    double lecunLimit = Math.sqrt(3.0 / 128);
    assertDistribution(new LecunUniform(5L), DENSE, 0, lecunLimit / Math.sqrt(3), lecunLimit);
    double lecunStd = Math.sqrt(1.0 / 128);
    assertDistribution(new LecunNormal(6L), DENSE, 0, lecunStd, 2 * lecunStd / VarianceScaling.TRUNCATED_STDDEV);
    double vsStd = Math.sqrt(3.0 / 288);
    assertDistribution(new VarianceScaling(3.0, "fan_out", "untruncated_normal", 7L), CONV, 0, vsStd, 10 * vsStd);
  }

  @Test
  void plainDistributions() {
    assertDistribution(new RandomNormal(1.0, 0.5, 8L), DENSE, 1.0, 0.5, 10 * 0.5);
    assertDistribution(new TruncatedNormal(0.0, 1.0, 9L), DENSE, 0.0, VarianceScaling.TRUNCATED_STDDEV, 2.0);
    assertDistribution(new RandomUniform(-0.05, 0.05, 10L), DENSE, 0.0, 0.05 / Math.sqrt(3), 0.05);
    INDArray u = new RandomUniform(2.0, 3.0, 12L).generate(DENSE, DType.FLOAT64);
    assertEquals(DataType.DOUBLE, u.dataType());
    assertTrue(u.minNumber().doubleValue() >= 2.0 && u.maxNumber().doubleValue() < 3.0);
    assertEquals(Nd4j.valueArrayOf(new long[] {2, 3}, 0.25f), new Constant(0.25).generate(new long[] {2, 3}, DType.FLOAT32));
    assertEquals(Nd4j.zeros(DataType.FLOAT, 2, 3), new Zeros().generate(new long[] {2, 3}, DType.FLOAT32));
    assertEquals(Nd4j.ones(DataType.DOUBLE, 4), new Ones().generate(new long[] {4}, DType.FLOAT64));
  }

  @Test
  void seedingFollowsKeras() {
    INDArray a = new HeNormal(42L).generate(DENSE, DType.FLOAT32);
    assertEquals(a, new HeNormal(42L).generate(DENSE, DType.FLOAT32));
    assertNotEquals(a, new HeNormal(43L).generate(DENSE, DType.FLOAT32));
    // An unseeded instance picks its seed once: it repeats itself, and differs from another instance.
    GlorotUniform unseeded = new GlorotUniform();
    INDArray first = unseeded.generate(DENSE, DType.FLOAT32);
    assertEquals(first, unseeded.generate(DENSE, DType.FLOAT32));
    assertNotEquals(first, new GlorotUniform().generate(DENSE, DType.FLOAT32));
    // The global seed makes the seeds of unseeded initializers reproducible.
    Seeds.setGlobalSeed(123);
    INDArray x1 = new GlorotUniform().generate(DENSE, DType.FLOAT32);
    INDArray y1 = new Orthogonal().generate(new long[] {8, 8}, DType.FLOAT32);
    Seeds.setGlobalSeed(123);
    assertEquals(x1, new GlorotUniform().generate(DENSE, DType.FLOAT32));
    assertEquals(y1, new Orthogonal().generate(new long[] {8, 8}, DType.FLOAT32));
  }

  private static void assertIdentity(INDArray m, double scale) {
    INDArray want = Nd4j.eye(m.rows()).castTo(DataType.DOUBLE).muli(scale);
    INDArray diff = m.castTo(DataType.DOUBLE).sub(want);
    assertTrue(diff.amaxNumber().doubleValue() < 1e-10, "not orthogonal: " + diff.amaxNumber());
  }

  @Test
  void orthogonalIsOrthogonal() {
    INDArray tall = new Orthogonal(1.0, 1L).generate(new long[] {7, 4}, DType.FLOAT64);
    assertIdentity(tall.transpose().mmul(tall), 1.0);
    INDArray wide = new Orthogonal(2.0, 2L).generate(new long[] {3, 9}, DType.FLOAT64);
    assertIdentity(wide.mmul(wide.transpose()), 4.0);
    INDArray square = new Orthogonal(1.0, 3L).generate(new long[] {16, 16}, DType.FLOAT64);
    assertIdentity(square.transpose().mmul(square), 1.0);
    assertIdentity(square.mmul(square.transpose()), 1.0);
    INDArray kernel = new Orthogonal(1.0, 4L).generate(new long[] {3, 3, 2, 8}, DType.FLOAT64);
    assertArrayEquals(new long[] {3, 3, 2, 8}, kernel.shape());
    INDArray flat = kernel.reshape('c', 18, 8);
    assertIdentity(flat.transpose().mmul(flat), 1.0);
    assertEquals(DataType.FLOAT, new Orthogonal().generate(new long[] {4, 4}, DType.FLOAT32).dataType());
    assertThrows(IllegalArgumentException.class, () -> new Orthogonal().generate(new long[] {5}, DType.FLOAT32));
  }

  @Test
  void orthogonalQrMatchesTheFactorization() {
    // A = Q R with R upper triangular and a positive diagonal: check Q^T A is upper triangular.
    double[] a = {2, -1, 0, 1, 3, 1, 4, 0, -2, 1, 1, 1};
    double[] q = Orthogonal.orthonormalQ(a.clone(), 4, 3);
    INDArray qm = Nd4j.create(q, new long[] {4, 3}, DataType.DOUBLE);
    INDArray r = qm.transpose().mmul(Nd4j.create(a, new long[] {4, 3}, DataType.DOUBLE));
    for (int i = 0; i < 3; i++) {
      assertTrue(r.getDouble(i, i) > 0);
      for (int j = 0; j < i; j++) {
        assertEquals(0.0, r.getDouble(i, j), 1e-12);
      }
    }
  }

  @Test
  void identity() {
    INDArray eye = new Identity(0.5).generate(new long[] {3, 5}, DType.FLOAT32);
    INDArray want = Nd4j.zeros(DataType.FLOAT, 3, 5);
    for (int i = 0; i < 3; i++) {
      want.putScalar(i, i, 0.5);
    }
    assertEquals(want, eye);
    assertThrows(IllegalArgumentException.class, () -> new Identity().generate(new long[] {2, 2, 2}, DType.FLOAT32));
  }
}

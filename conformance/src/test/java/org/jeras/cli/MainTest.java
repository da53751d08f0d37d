package org.jeras.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jeras.core.io.Npz;
import org.jeras.conformance.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class MainTest {
  @TempDir
  Path tmp;

  private record Result(int status, String out, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** {@code jeras predict} on every fixture (torch and jax) whose layers Jeras has reproduces Keras's y. */
  @Test
  void predictMatchesKerasOnEverySupportedFixture() throws Exception {
    JsonObject manifest = JsonParser.parseString(Files.readString(Fixtures.file("manifest.json"))).getAsJsonObject();
    List<String> matched = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    for (String set : List.of("", "jax/")) {
      for (JsonElement e : manifest.getAsJsonArray("cases")) {
        JsonObject c = e.getAsJsonObject();
        String name = c.get("name").getAsString();
        if (!c.get("status").getAsString().equals("ok") || c.get("requires_custom_objects").getAsBoolean()
            || (c.has("load_kwargs") && c.get("load_kwargs").toString().contains("safe_mode"))) {
          continue;
        }
        if (!Files.exists(Fixtures.dir().resolve(set + name + ".keras"))) {
          continue; // the jax set holds only the cases its generator could save from jax
        }
        Path out = tmp.resolve(name + ".out.npz");
        Result r = run("predict", Fixtures.file(set + name + ".keras").toString(),
            "--input", Fixtures.file(set + name + ".io.npz").toString(), "--output", out.toString());
        if (r.status != 0) {
          if (r.err.contains("Could not locate")) {
            unsupported.add(set + name);
            continue;
          }
          fail(set + name + ": " + r.err);
        }
        Map<String, INDArray> expected = Npz.read(Fixtures.file(set + name + ".io.npz"));
        Map<String, INDArray> got = Npz.read(out);
        for (Map.Entry<String, INDArray> y : expected.entrySet()) {
          if (!y.getKey().startsWith("y")) {
            continue;
          }
          INDArray g = got.get(y.getKey());
          assertTrue(g != null, set + name + ": no " + y.getKey());
          assertEquals(Arrays.toString(y.getValue().shape()), Arrays.toString(g.shape()), set + name + " " + y.getKey());
          INDArray ev = y.getValue().castTo(DataType.DOUBLE);
          INDArray gv = g.castTo(DataType.DOUBLE);
          for (long i = 0; i < ev.length(); i++) {
            double a = ev.getDouble(i);
            double b = gv.getDouble(i);
            assertTrue(Math.abs(a - b) <= 1e-5 + 1e-5 * Math.abs(a), set + name + " " + y.getKey() + "[" + i + "]: " + a + " vs " + b);
          }
        }
        matched.add(set + name);
      }
    }
    System.out.println("[jeras predict] matched " + matched.size() + ": " + matched);
    System.out.println("[jeras predict] layers not yet in Jeras " + unsupported.size() + ": " + unsupported);
    assertTrue(matched.size() >= 20, "matched " + matched);
  }

  @Test
  void summaryPrintsKerasTable() {
    Result r = run("summary", Fixtures.file("opt_adam_cce.keras").toString());
    assertEquals(0, r.status, r.err);
    assertTrue(r.out.contains("┃ Layer (type)"), r.out);
    assertTrue(r.out.contains("(None, 16)"), r.out);
    // As Keras prints it after load_model (compiled, so the built optimizer's variables count).
    assertTrue(r.out.contains(" Total params: 587 (2.29 KB)\n Trainable params: 195 (780.00 B)\n"
        + " Non-trainable params: 0 (0.00 B)\n Optimizer params: 392 (1.53 KB)\n"), r.out);
  }

  @Test
  void inspectListsMembersConfigAndWeights() {
    Result r = run("inspect", Fixtures.file("func_multi_io.keras").toString());
    assertEquals(0, r.status, r.err);
    assertTrue(r.out.contains("  model.weights.h5"), r.out);
    assertTrue(r.out.contains("Functional \"multi_io\" [Functional]"), r.out);
    assertTrue(r.out.contains("layers/dense_2/vars/0 [24, 8] float32"), r.out);
    assertTrue(r.out.contains("optimizer/vars/0 [] int32"), r.out);
  }

  @Test
  void resaveWritesALoadableFile() throws Exception {
    Path out = tmp.resolve("resaved.keras");
    Result r = run("resave", Fixtures.file("opt_adam_cce.keras").toString(), out.toString());
    assertEquals(0, r.status, r.err);
    Path pred = tmp.resolve("p.npz");
    assertEquals(0, run("predict", out.toString(), "--input", Fixtures.file("opt_adam_cce.io.npz").toString(), "--output", pred.toString()).status);
    INDArray y = Npz.read(Fixtures.file("opt_adam_cce.io.npz")).get("y");
    assertTrue(Npz.read(pred).get("y").equalsWithEps(y, 1e-5));
  }

  @Test
  void errorsAreOneLineWithNonZeroStatus() {
    Result missing = run("summary", tmp.resolve("nope.keras").toString());
    assertEquals(1, missing.status);
    assertEquals(1, missing.err.strip().lines().count(), missing.err);
    assertEquals(2, run("frobnicate").status);
    assertEquals(2, run("predict", "a.keras").status);
    Result unsafe = run("predict", Fixtures.file("lambda_unsafe.keras").toString(), "--input",
        Fixtures.file("lambda_unsafe.io.npz").toString(), "--output", tmp.resolve("u.npz").toString());
    assertEquals(1, unsafe.status);
    assertTrue(unsafe.err.toLowerCase().contains("safe"), unsafe.err);
  }
}

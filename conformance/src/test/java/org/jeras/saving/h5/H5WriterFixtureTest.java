package org.jeras.saving.h5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jeras.conformance.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** H5Writer checked against files written by real Keras (the fixtures). */
class H5WriterFixtureTest {
  @TempDir
  Path tmp;

  /** Rebuilds {@code source}'s groups, attributes and datasets with the writer. */
  static H5Writer copyOf(H5Structure s) {
    H5Writer w = new H5Writer();
    for (Map.Entry<String, Map<String, String>> g : s.attributes.entrySet()) {
      H5Writer.Group group = g.getKey().isEmpty() ? w.root() : w.root().requireGroup(g.getKey());
      g.getValue().forEach(group::putAttribute);
    }
    s.datasets.forEach((p, v) -> w.root().putDataset(p, v));
    return w;
  }

  @Test
  void reproducesFixtureFiles() throws IOException {
    for (String name : new String[] {"opt_adam_cce", "custom_own_variables", "func_mlp_named_input", "subclassed_model",
        "bidirectional_lstm", "batchnorm"}) {
      byte[] original = FixtureCases.zipMember(Fixtures.file(name + ".keras"), "model.weights.h5");
      H5Structure expected;
      try (H5Reader r = H5Reader.fromBytes(original, name)) {
        expected = H5Structure.of(r);
      }
      Path out = tmp.resolve(name + ".weights.h5");
      try (OutputStream os = Files.newOutputStream(out)) {
        copyOf(expected).writeTo(os);
      }
      try (H5Reader r = H5Reader.open(out)) {
        H5Structure actual = H5Structure.of(r);
        assertEquals(expected.lines, actual.lines, name);
        for (String p : expected.datasets.keySet()) {
          INDArray a = expected.datasets.get(p);
          INDArray b = actual.datasets.get(p);
          assertEquals(a.dataType(), b.dataType(), p);
          assertArrayEquals(a.shape(), b.shape(), p);
          assertEquals(a, b, p);
        }
      }
    }
  }

  @Test
  void isDeterministic() throws IOException {
    byte[] original = FixtureCases.zipMember(Fixtures.file("opt_adam_cce.keras"), "model.weights.h5");
    H5Structure s;
    try (H5Reader r = H5Reader.fromBytes(original, "opt_adam_cce")) {
      s = H5Structure.of(r);
    }
    assertArrayEquals(H5WriterTest.bytes(copyOf(s)), H5WriterTest.bytes(copyOf(s)));
  }
}

package org.jeras.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.jeras.core.model.Model;
import org.jeras.saving.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code jeras resave} converts a Keras 2 / legacy {@code .h5} model file ({@code legacy_seq_mlp.h5}: a
 * copy of the conformance set's {@code keras/legacy/seq_mlp.h5}, written by Keras 3.16's
 * {@code model.save("seq_mlp.h5")}) into a {@code .keras} file holding the same model and weights.
 */
class ResaveLegacyTest {
  @TempDir
  Path tmp;

  @Test
  void resavesALegacyH5AsKeras() throws URISyntaxException {
    Path h5 = Path.of(getClass().getResource("legacy_seq_mlp.h5").toURI());
    Path out = tmp.resolve("converted.keras");
    CliRun run = CliRun.of("resave", h5.toString(), out.toString());
    assertEquals(0, run.status(), run.err());
    Model legacy = Models.load(h5);
    Model converted = Models.load(out);
    assertEquals(legacy.weights().size(), converted.weights().size());
    for (int i = 0; i < legacy.weights().size(); i++) {
      assertEquals(legacy.weights().get(i).array(), converted.weights().get(i).array(), legacy.weights().get(i).path());
    }
    INDArray x = Nd4j.linspace(-1, 1, 16).reshape(2, 8).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
    assertEquals(legacy.predict(x), converted.predict(x));
  }
}

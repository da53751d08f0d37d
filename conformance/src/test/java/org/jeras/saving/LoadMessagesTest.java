package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.jeras.core.config.ConfigException;
import org.jeras.core.model.Model;
import org.jeras.saving.h5.H5Reader;
import org.jeras.conformance.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a load says about files it cannot read, in Jeras's terms. */
class LoadMessagesTest {
  @TempDir
  Path tmp;

  @Test
  void safeModePointsAtTheJavaOptionAndTheCommandFlag() {
    UnsafeFileException e = assertThrows(UnsafeFileException.class, () -> Models.load(Fixtures.file("lambda_unsafe.keras")));
    assertTrue(e.getMessage().contains("LoadOptions.withSafeMode(false)"), e.getMessage());
    assertTrue(e.getMessage().contains("--no-safe-mode"), e.getMessage());
    assertFalse(e.getMessage().contains("safe_mode=False"), e.getMessage());
  }

  @Test
  void aMissingFileSaysItDoesNotExist() {
    Path missing = tmp.resolve("nowhere.keras");
    ConfigException e = assertThrows(ConfigException.class, () -> Models.load(missing));
    assertEquals("File '" + missing + "' does not exist", e.getMessage());
  }

  @Test
  void aKeras2HdfModelFileLoads() throws URISyntaxException {
    Path h5 = Path.of(getClass().getResource("legacy/keras2_full_model.h5").toURI());
    Model m = Models.load(h5);
    try (H5Reader r = H5Reader.open(h5)) {
      assertEquals(r.dataset("model_weights/dense/sequential/dense/kernel"), m.getLayer("dense").weights().get(0).array());
      assertEquals(r.dataset("model_weights/dense/sequential/dense/bias"), m.getLayer("dense").weights().get(1).array());
    }
  }

  @Test
  void anHdfWeightsFileIsNotTakenForAModel() {
    Path weights = Fixtures.file("dense_constraints.weights.h5");
    ConfigException e = assertThrows(ConfigException.class, () -> Models.load(weights));
    assertTrue(e.getMessage().contains("an HDF5 file without a model config"), e.getMessage());
  }
}

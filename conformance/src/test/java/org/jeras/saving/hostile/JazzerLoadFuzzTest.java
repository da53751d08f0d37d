package org.jeras.saving.hostile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jeras.conformance.Fixtures;
import org.jeras.core.config.ConfigException;
import org.jeras.core.io.Npz;
import org.jeras.core.model.Model;
import org.jeras.saving.Models;
import org.jeras.saving.WeightsFile;
import org.jeras.saving.h5.H5Reader;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing with Jazzer over everything that reads a file: {@link Models#load},
 * {@link WeightsFile#load} and {@link Npz#read}. The only acceptable failure is a typed
 * {@link ConfigException}; anything else propagates and Jazzer reports it as a finding.
 *
 * <p>Without {@code JAZZER_FUZZ} set this runs the seed corpus as a regression test; the conformance
 * pom sets {@code JAZZER_FUZZ=1}, so {@code ./mvnw test} fuzzes for {@code maxDuration}. The corpus
 * starts from every real-Keras fixture ({@code .keras}, {@code .weights.h5}, {@code .io.npz}), copied
 * into Jazzer's generated-corpus directory before the run.
 */
class JazzerLoadFuzzTest {
  private static final Path CORPUS = Path.of(".cifuzz-corpus", JazzerLoadFuzzTest.class.getName(), "loadAnyFile");
  private static Model weightsTarget;
  private static Path scratch;

  @BeforeAll
  static void seedCorpus() throws IOException {
    Files.createDirectories(CORPUS);
    try (Stream<Path> s = Files.list(Fixtures.dir())) {
      for (Path p : (Iterable<Path>) s.filter(JazzerLoadFuzzTest::isSeed).sorted()::iterator) {
        Path to = CORPUS.resolve(p.getFileName().toString());
        if (!Files.exists(to) && Files.size(p) <= 256 * 1024) {
          Files.copy(p, to);
        }
      }
    }
    // Legacy .h5 model and weights files (Keras 2 layout) seed the HDF5 side too.
    for (String legacy : new String[] {"seq_mlp.h5", "compiled_adam_fit.h5", "seq_mlp.legacy_weights.h5"}) {
      Path to = CORPUS.resolve("legacy-" + legacy);
      if (!Files.exists(to)) {
        Files.copy(Fixtures.dir().resolve("legacy").resolve(legacy), to);
      }
    }
    weightsTarget = Models.load(Fixtures.dir().resolve("conv1d.keras"));
    scratch = Files.createTempDirectory("jazzer-load");
  }

  private static boolean isSeed(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".keras") || n.endsWith(".weights.h5") || n.endsWith(".io.npz");
  }

  /**
   * Any bytes: loaded as a {@code .keras} zip and an npz when they start as a zip, else as a weights file
   * and as a model (a legacy {@code .h5} model when the bytes are HDF5 with a {@code model_config}).
   */
  @FuzzTest(maxDuration = "60s")
  void loadAnyFile(byte[] data) throws IOException {
    boolean zip = data.length >= 2 && data[0] == 'P' && data[1] == 'K';
    Path p = scratch.resolve(zip ? "input.keras" : "input.weights.h5");
    Files.write(p, data);
    if (zip) {
      typedOrNothing(() -> Models.load(p));
      Path npz = scratch.resolve("input.npz");
      Files.move(p, npz, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      typedOrNothing(() -> Npz.read(npz));
    } else {
      typedOrNothing(() -> readEveryDataset(data));
      typedOrNothing(() -> WeightsFile.load(weightsTarget, p, false));
      typedOrNothing(() -> Models.load(p)); // an HDF5 file may be a legacy model, whatever its name
    }
  }

  /** The HDF5 reader on its own, past the first mismatch a weights load would stop at. */
  private static void readEveryDataset(byte[] data) {
    try (H5Reader h5 = H5Reader.fromBytes(data, "input.weights.h5")) {
      for (String path : h5.datasetPaths()) {
        h5.attributeNames(path);
        h5.dataset(path);
      }
    }
  }

  private interface Load {
    void run() throws IOException;
  }

  private static void typedOrNothing(Load load) throws IOException {
    try {
      load.run();
    } catch (ConfigException e) {
      // typed: the only acceptable failure for a hostile file
    }
  }
}

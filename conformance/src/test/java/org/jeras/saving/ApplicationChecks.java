package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.jeras.core.io.Npz;
import org.jeras.core.layer.Names;
import org.jeras.core.model.Model;
import org.jeras.core.losses.Losses;
import org.jeras.core.optimizers.Adam;
import org.jeras.core.random.Seeds;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.training.CompileOptions;
import org.jeras.core.training.FitOptions;
import org.jeras.layers.normalization.BatchNormalization;
import org.jeras.saving.h5.FixtureCases;
import org.jeras.saving.h5.H5Structures;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The checks every keras.applications file gets (the committed ones of
 * {@code keras/applications/} and a local cache's): it loads, reproduces Keras's predictions
 * within 1e-5, saves back to a file equal to Keras's (zip members, config.json, HDF5 layout and
 * values), the saved file predicts the same, and a few training steps on the file's batch lower
 * the loss.
 */
final class ApplicationChecks {
  /** Training steps of the fine-tuning check. */
  static final int STEPS = 2;
  /** Small: the low-entropy weights are small too, and Adam moves each by about this much a step. */
  static final double LEARNING_RATE = 1e-5;

  private ApplicationChecks() {}

  /** Runs every check on {@code keras} (with its {@code NAME.io.npz}), writing into {@code tmp}. */
  static void check(Path keras, Path tmp) throws IOException {
    String name = keras.getFileName().toString().replace(".keras", "");
    Names.reset();
    Model m = Models.load(keras, KerasFixturesTest.OPTIONS);
    Map<String, INDArray> io = Npz.read(keras.resolveSibling(name + ".io.npz"));
    INDArray x = io.get("x");
    INDArray target = io.get("t");
    KerasFixturesTest.checkPredictions(m, Map.of("x", x, "y", io.get("y")), name);

    Path saved = tmp.resolve(name + ".keras");
    KerasFile.save(m, saved);
    // The generator re-zips Keras's file deflated (apps_common.deflate); Jeras stores members, as Keras does.
    assertEquals(KerasSaveRoundTripTest.members(keras).stream().map(e -> e.replace(" deflated", " stored")).toList(),
        KerasSaveRoundTripTest.members(saved), name + ": zip members");
    KerasSaveRoundTripTest.assertSameConfig(keras, saved, name);
    H5Structures expected = H5Structures.of(FixtureCases.zipMember(keras, "model.weights.h5"), name);
    H5Structures actual = H5Structures.of(FixtureCases.zipMember(saved, "model.weights.h5"), name + " (saved)");
    assertEquals(expected.lines(), actual.lines(), name + ": model.weights.h5 structure");
    expected.assertSameValues(actual, name);
    m = null;
    Names.reset();
    // A fixed global seed: dropout and stochastic depth draw the same masks on every run.
    Seeds.setGlobalSeed(1234);
    Model reloaded = Models.load(saved, KerasFixturesTest.OPTIONS);
    KerasFixturesTest.checkPredictions(reloaded, Map.of("x", x, "y", io.get("y")), name + " (re-loaded)");
    fineTunes(reloaded, x, io.get("y"), target, name);
  }

  /**
   * A few Adam steps (learning rate {@link #LEARNING_RATE}) on (x, target) lower the loss below that of Keras's own prediction y (the
   * starting point, which the checks above showed Jeras reproduces), measured in inference mode:
   * categorical cross-entropy for a classifier top ("predictions"), else mean squared error.
   * BatchNormalization layers are frozen as Keras's fine-tuning recipe does (not trainable: they
   * normalise with their moving statistics), so training and inference see the same normalisation.
   */
  static void fineTunes(Model m, INDArray x, INDArray y, INDArray target, String name) {
    boolean classifier = m.layers().stream().anyMatch(l -> l.name().equals("predictions"));
    String loss = classifier ? "categorical_crossentropy" : "mean_squared_error";
    Shape shape = Shape.of(target.shape());
    double before = Losses.get(loss, shape, shape).apply(Tensor.of(target), Tensor.of(y), null)
        .value().getDouble(0);
    m.layers().stream().filter(l -> l instanceof BatchNormalization).forEach(l -> l.setTrainable(false));
    m.compile(CompileOptions.of(new Adam(LEARNING_RATE)).loss(loss));
    int batch = (int) x.size(0);
    m.fit(x, target, FitOptions.defaults().batchSize(batch).epochs(STEPS).shuffle(false).verbose(0));
    double after = m.evaluate(x, target, batch).get("loss");
    assertTrue(Double.isFinite(after) && after < before,
        name + ": loss after " + STEPS + " steps is " + after + ", before " + before);
  }
}

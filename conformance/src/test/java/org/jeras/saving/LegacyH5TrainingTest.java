package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.jeras.conformance.Fixtures;
import org.jeras.conformance.KerasModels;
import org.jeras.core.io.Npz;
import org.jeras.core.layer.Names;
import org.jeras.core.model.Model;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A compiled model loaded from a legacy {@code .h5} trains on from the saved state: after one
 * {@code trainOnBatch} it predicts what Keras's saved model predicts after the same step
 * ({@code NAME.step.npz} from {@code gen_legacy.py}), which needs the training config's optimizer, loss
 * and the optimizer variables of {@code optimizer_weights} (Adam moments and iteration after a fit step;
 * an SGD saved before any step starts fresh, as in Keras).
 */
class LegacyH5TrainingTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "legacy/compiled_adam_fit.h5, compiled_adam_fit",
      "legacy/compiled_sgd.h5, compiled_sgd",
      "legacy/keras2/keras2_optimizer_decay.h5, compiled_adam_fit"})
  void oneMoreStepMatchesKeras(String file, String truth) throws IOException {
    Map<String, INDArray> step = Npz.read(Fixtures.dir().resolve("legacy").resolve(truth + ".step.npz"));
    Names.reset();
    Model m = Models.load(Fixtures.dir().resolve(file));
    assertTrue(m.isCompiled(), file + ": compiled from its training_config");
    m.trainOnBatch(step.get("x"), step.get("labels"));
    KerasModels.assertClose(step.get("y"), m.predict(step.get("x")), file + " after one more step");
  }
}

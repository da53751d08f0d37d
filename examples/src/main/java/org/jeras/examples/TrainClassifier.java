package org.jeras.examples;

import java.util.Map;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.core.optimizers.Adam;
import org.jeras.core.training.FitOptions;
import org.jeras.layers.core.Dense;
import org.jeras.layers.regularization.Dropout;

/**
 * The main job: trains a small MLP classifier on generated data (no download), printing the
 * summary, Keras's progress bar and the final test metrics.
 */
public final class TrainClassifier {
  private TrainClassifier() {}

  public static void main(String[] args) {
    Map<String, Double> result = run(1);
    if (result.get("accuracy") < 0.95) {
      throw new IllegalStateException("Accuracy below 95%: " + result);
    }
  }

  /** Trains and returns the test loss and accuracy. */
  public static Map<String, Double> run(int verbose) {
    Blobs[] data = Blobs.generate(2500, 10, 4, 1.5, 42).split(2000);
    Blobs train = data[0];
    Blobs test = data[1];
    Sequential model = new Sequential("classifier");
    model.add(Input.of(10));
    model.add(new Dense(32, "relu"));
    model.add(new Dropout(0.1));
    model.add(new Dense(32, "relu"));
    model.add(new Dense(4, "softmax"));
    model.summary();
    model.compile(new Adam(1e-2), "categorical_crossentropy", "accuracy");
    model.fit(train.x(), train.y(), FitOptions.defaults().epochs(5).batchSize(32).verbose(verbose));
    Map<String, Double> metrics = model.evaluate(test.x(), test.y(), 128);
    System.out.printf("test loss %.4f, test accuracy %.4f%n", metrics.get("loss"), metrics.get("accuracy"));
    return metrics;
  }
}

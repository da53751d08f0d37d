package org.jeras.layers.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jeras.core.callbacks.LambdaCallback;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.core.optimizers.SGD;
import org.jeras.core.random.Seeds;
import org.jeras.core.training.FitOptions;
import org.jeras.layers.core.Dense;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Every hook of a LambdaCallback fires as in Keras: when, how often, and with which logs. */
class CallbackHooksTest {
  private static final INDArray X = Nd4j.create(new float[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}});
  private static final INDArray Y = Nd4j.create(new float[][] {{1}, {2}, {3}, {4}, {5}});

  private static Sequential model() {
    Seeds.setGlobalSeed(3);
    Sequential m = new Sequential();
    m.add(Input.of(2));
    m.add(new Dense(1));
    m.compile(new SGD(0.001), "mse", "mae");
    return m;
  }

  /** A callback writing each hook as {@code name[index] key=value,...} into {@code events}. */
  private static LambdaCallback recorder(List<String> events, List<Map<String, Double>> logs) {
    return LambdaCallback.builder()
        .onTrainBegin(l -> add(events, logs, "train_begin", -1, l))
        .onTrainEnd(l -> add(events, logs, "train_end", -1, l))
        .onEpochBegin((i, l) -> add(events, logs, "epoch_begin", i, l))
        .onEpochEnd((i, l) -> add(events, logs, "epoch_end", i, l))
        .onTrainBatchBegin((i, l) -> add(events, logs, "train_batch_begin", i, l))
        .onTrainBatchEnd((i, l) -> add(events, logs, "train_batch_end", i, l))
        .onTestBegin(l -> add(events, logs, "test_begin", -1, l))
        .onTestEnd(l -> add(events, logs, "test_end", -1, l))
        .onTestBatchBegin((i, l) -> add(events, logs, "test_batch_begin", i, l))
        .onTestBatchEnd((i, l) -> add(events, logs, "test_batch_end", i, l))
        .onPredictBegin(l -> add(events, logs, "predict_begin", -1, l))
        .onPredictEnd(l -> add(events, logs, "predict_end", -1, l))
        .onPredictBatchBegin((i, l) -> add(events, logs, "predict_batch_begin", i, l))
        .onPredictBatchEnd((i, l) -> add(events, logs, "predict_batch_end", i, l))
        .build();
  }

  private static void add(List<String> events, List<Map<String, Double>> logs, String hook, int index,
      Map<String, Double> l) {
    events.add(hook + (index < 0 ? "" : "[" + index + "]") + " " + l.keySet());
    logs.add(Map.copyOf(l));
  }

  @Test
  void fitFiresTrainEpochBatchAndValidationHooksInKerasOrder() {
    Sequential m = model();
    List<String> events = new ArrayList<>();
    List<Map<String, Double>> logs = new ArrayList<>();
    var history = m.fit(X, Y, FitOptions.defaults().epochs(2).batchSize(2).shuffle(false).verbose(0)
        .validationData(X.get(NDArrayIndex.interval(0, 3)),
            Y.get(NDArrayIndex.interval(0, 3)))
        .callbacks(recorder(events, logs)));
    List<String> expected = new ArrayList<>();
    expected.add("train_begin []");
    for (int epoch = 0; epoch < 2; epoch++) {
      expected.add("epoch_begin[" + epoch + "] []");
      for (int b = 0; b < 3; b++) {
        expected.add("train_batch_begin[" + b + "] []");
        expected.add("train_batch_end[" + b + "] [loss, mae]");
      }
      expected.add("test_begin []");
      for (int b = 0; b < 2; b++) {
        expected.add("test_batch_begin[" + b + "] []");
        expected.add("test_batch_end[" + b + "] [loss, mae]");
      }
      expected.add("test_end [loss, mae]");
      expected.add("epoch_end[" + epoch + "] [loss, mae, val_loss, val_mae]");
    }
    expected.add("train_end [loss, mae, val_loss, val_mae]");
    assertEquals(expected, events);
    int perEpoch = 1 + 6 + 1 + 4 + 1 + 1;
    for (int epoch = 0; epoch < 2; epoch++) {
      Map<String, Double> lastBatch = logs.get(1 + epoch * perEpoch + 6);
      Map<String, Double> testEnd = logs.get(1 + epoch * perEpoch + 12);
      Map<String, Double> epochEnd = logs.get(1 + epoch * perEpoch + 13);
      assertEquals(lastBatch.get("loss"), epochEnd.get("loss"));
      assertEquals(testEnd.get("loss"), epochEnd.get("val_loss"));
      assertEquals(testEnd.get("mae"), epochEnd.get("val_mae"));
      assertEquals(history.get("val_loss").get(epoch), epochEnd.get("val_loss"));
    }
    assertEquals(logs.get(logs.size() - 2), logs.get(logs.size() - 1), "train_end gets the last epoch's logs");
  }

  @Test
  void evaluateFiresTestHooksWithTheReturnedLogs() {
    Sequential m = model();
    List<String> events = new ArrayList<>();
    List<Map<String, Double>> logs = new ArrayList<>();
    Map<String, Double> result = m.evaluate(X, Y, 2, 0, recorder(events, logs));
    assertEquals(List.of("test_begin []", "test_batch_begin[0] []", "test_batch_end[0] [loss, mae]",
        "test_batch_begin[1] []", "test_batch_end[1] [loss, mae]", "test_batch_begin[2] []",
        "test_batch_end[2] [loss, mae]", "test_end [loss, mae]"), events);
    assertEquals(result, logs.get(logs.size() - 1));
    assertEquals(result, logs.get(logs.size() - 2), "the last batch's running logs are the result");
  }

  @Test
  void predictFiresPredictHooksOncePerBatch() {
    Sequential m = model();
    List<String> events = new ArrayList<>();
    INDArray y = m.predict(X, 2, 0, recorder(events, new ArrayList<>()));
    assertEquals(List.of("predict_begin []", "predict_batch_begin[0] []", "predict_batch_end[0] []",
        "predict_batch_begin[1] []", "predict_batch_end[1] []", "predict_batch_begin[2] []",
        "predict_batch_end[2] []", "predict_end []"), events);
    assertEquals(m.predictOnBatch(X), y);
    assertEquals(DataType.FLOAT, y.dataType());
  }
}

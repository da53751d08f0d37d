package org.jeras.saving.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jeras.core.callbacks.Callback;
import org.jeras.core.callbacks.History;
import org.jeras.core.callbacks.LearningRateScheduler;
import org.jeras.core.callbacks.TensorBoard;
import org.jeras.core.callbacks.TfRecords;
import org.jeras.core.model.Model;
import org.jeras.core.tensor.Variable;
import org.jeras.core.training.FitOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.HistogramProto;
import org.tensorflow.proto.Summary;

/**
 * {@link TensorBoard} writes event files that read back (CRCs checked, {@link Event}s decoded)
 * to the values {@code fit} logged. With {@code -Djeras.tensorboardDir=DIR} the logs go to DIR,
 * for {@code core/src/test/python/read_tensorboard.py} to read them with TensorFlow.
 */
class TensorBoardTest {
  private static final int N = 24;

  @TempDir
  Path tmp;

  @Test
  void writesEpochBatchAndHistogramSummaries() throws IOException {
    Path logDir = System.getProperty("jeras.tensorboardDir") != null
        ? Path.of(System.getProperty("jeras.tensorboardDir")) : tmp.resolve("logs");
    Model model = CallbackModels.mlp(5);
    Map<Long, Double> batchLoss = new TreeMap<>();
    Callback recorder = new Callback() {
      long global;

      @Override
      public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        batchLoss.put(++global, logs.get("loss"));
      }
    };
    History h = model.fit(CallbackModels.x(N), CallbackModels.y(N), FitOptions.defaults().epochs(3).batchSize(6)
        .shuffle(false).verbose(0).validationData(CallbackModels.x(12), CallbackModels.y(12))
        .callbacks(TensorBoard.builder(logDir).updateFreq(5).histogramFreq(2).build(), recorder));

    List<Event> train = events(logDir.resolve("train"));
    assertEquals("brain.Event:2", train.get(0).getFileVersion());
    for (String key : List.of("loss", "mae")) {
      assertEquals(floats(h.get(key)), scalars(train, "epoch_" + key), key);
    }
    assertEquals(Map.of(0L, 0.01f, 1L, 0.01f, 2L, 0.01f), scalars(train, "epoch_learning_rate"));
    // 12 batches in all; batch scalars at global batches 5 and 10.
    assertEquals(Map.of(5L, (float) (double) batchLoss.get(5L), 10L, (float) (double) batchLoss.get(10L)),
        scalars(train, "batch_loss"));

    List<Event> validation = events(logDir.resolve("validation"));
    assertEquals(floats(h.get("val_loss")), scalars(validation, "epoch_loss"));
    assertEquals(floats(h.get("val_mae")), scalars(validation, "epoch_mae"));

    // Histograms at epochs 0 and 2; the last one describes the final weights.
    for (Variable w : model.weights()) {
      String tag = w.path() + "/histogram";
      Map<Long, HistogramProto> histos = new TreeMap<>();
      for (Event e : train) {
        for (Summary.Value v : e.getSummary().getValueList()) {
          if (v.getTag().equals(tag)) {
            histos.put(e.getStep(), v.getHisto());
          }
        }
      }
      assertEquals(List.of(0L, 2L), new ArrayList<>(histos.keySet()), tag);
      HistogramProto last = histos.get(2L);
      double[] values = w.array().castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).data().asDouble();
      assertEquals(values.length, last.getNum(), tag);
      assertEquals(values.length, last.getBucketList().stream().mapToDouble(Double::doubleValue).sum(), tag);
      assertEquals(java.util.Arrays.stream(values).min().getAsDouble(), last.getMin(), tag);
      assertEquals(java.util.Arrays.stream(values).max().getAsDouble(), last.getMax(), tag);
      assertEquals(java.util.Arrays.stream(values).sum(), last.getSum(), 1e-9, tag);
    }
  }

  @Test
  void logsTheLearningRateOnceAfterASchedulerChangedIt() throws IOException {
    Path logDir = tmp.resolve("lr");
    Model model = CallbackModels.mlp(5);
    model.fit(CallbackModels.x(N), CallbackModels.y(N), FitOptions.defaults().epochs(2).batchSize(6).verbose(0)
        .callbacks(new LearningRateScheduler((epoch, lr) -> 0.001 * (epoch + 1)), new TensorBoard(logDir)));
    List<Event> train = events(logDir.resolve("train"));
    assertEquals(Map.of(0L, 0.001f, 1L, 0.002f), scalars(train, "epoch_learning_rate"));
    long written = train.stream().flatMap(e -> e.getSummary().getValueList().stream())
        .filter(v -> v.getTag().equals("epoch_learning_rate")).count();
    assertEquals(2, written);
    assertFalse(Files.exists(logDir.resolve("validation")), "no validation data, no validation run");
  }

  /** The events of the one event file in {@code dir}. */
  static List<Event> events(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.collect(Collectors.toList());
    }
    assertEquals(1, files.size(), files.toString());
    assertTrue(files.get(0).getFileName().toString().startsWith("events.out.tfevents."), files.toString());
    List<Event> events = new ArrayList<>();
    try (InputStream in = Files.newInputStream(files.get(0))) {
      for (byte[] record : TfRecords.readAll(in)) {
        events.add(Event.parseFrom(record));
      }
    }
    return events;
  }

  /** Step to value of the scalar {@code tag}. */
  static Map<Long, Float> scalars(List<Event> events, String tag) {
    Map<Long, Float> out = new TreeMap<>();
    for (Event e : events) {
      for (Summary.Value v : e.getSummary().getValueList()) {
        if (v.getTag().equals(tag)) {
          out.put(e.getStep(), v.getSimpleValue());
        }
      }
    }
    return out;
  }

  private static Map<Long, Float> floats(List<Double> perEpoch) {
    Map<Long, Float> out = new TreeMap<>();
    for (int i = 0; i < perEpoch.size(); i++) {
      out.put((long) i, (float) (double) perEpoch.get(i));
    }
    return out;
  }
}

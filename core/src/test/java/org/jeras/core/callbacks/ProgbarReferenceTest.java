package org.jeras.core.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jeras's ProgbarLogger prints what Keras 3.16's prints, character for character: each case
 * replays the callback events that {@code core/src/test/python/progbar_reference.py} replayed on
 * Keras's ProgbarLogger, with the same fake clock, and compares the captured output.
 */
class ProgbarReferenceTest {
  private static final String RESOURCE = "progbar_reference.json";

  static JsonObject reference() throws IOException {
    try (InputStream in = ProgbarReferenceTest.class.getResourceAsStream(RESOURCE)) {
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
    }
  }

  static Stream<JsonObject> cases() throws IOException {
    List<JsonObject> out = new ArrayList<>();
    reference().getAsJsonArray("cases").forEach(c -> out.add(c.getAsJsonObject()));
    return out.stream();
  }

  @Test
  void everyScenarioWasCaptured() throws IOException {
    JsonObject ref = reference();
    assertEquals("3.16.0", ref.get("keras_version").getAsString());
    assertEquals(8, ref.getAsJsonArray("cases").size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void printsWhatKerasPrints(JsonObject scenario) throws IOException {
    double t0 = reference().get("t0").getAsDouble();
    double[] now = {t0};
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    ProgbarLogger logger = new ProgbarLogger(out).dynamic(true).clock(() -> now[0]);
    JsonObject p = scenario.getAsJsonObject("params");
    logger.setParams(new CallbackParams(p.get("verbose").getAsInt(), p.get("epochs").getAsInt(),
        p.get("steps").isJsonNull() ? -1 : p.get("steps").getAsInt()));
    for (JsonElement e : scenario.getAsJsonArray("events")) {
      JsonArray event = e.getAsJsonArray();
      now[0] = t0 + event.get(0).getAsDouble();
      int index = event.get(2).isJsonNull() ? -1 : event.get(2).getAsInt();
      Map<String, Double> logs = logs(event.get(3));
      switch (event.get(1).getAsString()) {
        case "train_begin" -> logger.onTrainBegin(logs);
        case "train_end" -> logger.onTrainEnd(logs);
        case "epoch_begin" -> logger.onEpochBegin(index, logs);
        case "epoch_end" -> logger.onEpochEnd(index, logs);
        case "train_batch_begin" -> logger.onTrainBatchBegin(index, logs);
        case "train_batch_end" -> logger.onTrainBatchEnd(index, logs);
        case "test_begin" -> logger.onTestBegin(logs);
        case "test_end" -> logger.onTestEnd(logs);
        case "test_batch_begin" -> logger.onTestBatchBegin(index, logs);
        case "test_batch_end" -> logger.onTestBatchEnd(index, logs);
        case "predict_begin" -> logger.onPredictBegin(logs);
        case "predict_end" -> logger.onPredictEnd(logs);
        case "predict_batch_begin" -> logger.onPredictBatchBegin(index, logs);
        case "predict_batch_end" -> logger.onPredictBatchEnd(index, logs);
        default -> throw new AssertionError("unknown event " + event);
      }
    }
    String expected = scenario.get("output").getAsString();
    assertTrue(expected.length() > 40, "the reference printed something");
    assertEquals(visible(expected), visible(bytes.toString(StandardCharsets.UTF_8)));
  }

  /** Control characters spelled out, so a failure shows where the strings differ. */
  static String visible(String s) {
    return s.replace("\u001b", "<ESC>").replace("\b", "<BS>").replace("\r", "<CR>");
  }

  private static Map<String, Double> logs(JsonElement json) {
    Map<String, Double> logs = new LinkedHashMap<>();
    if (!json.isJsonNull()) {
      for (Map.Entry<String, JsonElement> e : json.getAsJsonObject().entrySet()) {
        logs.put(e.getKey(), e.getValue().getAsDouble());
      }
    }
    return logs;
  }
}

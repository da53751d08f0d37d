package org.jeras.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Serialization;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Configs and hand-computed values of the metrics added from Keras 3.16's catalogue (their values
 * on seeded inputs are checked against real Keras in the conformance module).
 */
class CatalogueMetricsConfigTest {
  @Test
  void configsRoundTrip() {
    List<Metric> all = List.of(new BinaryCrossentropy(), new CategoricalCrossentropy(),
        new SparseCategoricalCrossentropy(), new CategoricalHinge(), new Hinge(), new SquaredHinge(),
        new KLDivergence(), new CosineSimilarity(), new LogCoshError(), new MeanAbsolutePercentageError(),
        new MeanSquaredLogarithmicError(), new SparseTopKCategoricalAccuracy(), new PearsonCorrelation(),
        new ConcordanceCorrelation(), new R2Score(), new FBetaScore(), new F1Score(), new MeanIoU(3),
        new IoU(4, new int[] {1, 3}, "iou", null, 2, true, false, -1), new BinaryIoU(), new TruePositives(),
        new FalseNegatives(JsonParser.parseString("[0.2, 0.7]"), "fn", DType.FLOAT32), new PrecisionAtRecall(0.4),
        new SpecificityAtSensitivity(0.8), new AUC(20, AUC.Curve.PR, AUC.Summation.MAJORING, "a", null, null, true, 3,
            new float[] {1f, 2f, 0.5f}, false));
    for (Metric m : all) {
      String json = Config.gson().toJson(Serialization.serialize(m));
      Metric back = Serialization.deserialize(JsonParser.parseString(json), Metric.class);
      assertEquals(m.className(), back.className());
      assertEquals(json, Config.gson().toJson(Serialization.serialize(back)), m.className());
    }
  }

  @Test
  void badConfigsNameTheKey() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> F1Score.fromConfig(Config.parse("{\"average\":\"median\"}")));
    assertTrue(e.getMessage().contains("average"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> R2Score.fromConfig(Config.parse("{\"class_aggregation\":\"x\"}")));
    assertTrue(e.getMessage().contains("class_aggregation"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> MeanIoU.fromConfig(Config.parse("{}")));
    assertTrue(e.getMessage().contains("num_classes"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> PrecisionAtRecall.fromConfig(Config.parse("{}")));
    assertTrue(e.getMessage().contains("recall"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> TruePositives.fromConfig(Config.parse("{\"thresholds\":[1.5]}")));
    assertTrue(e.getMessage().contains("[0, 1]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new IoU(2, new int[] {2}, "iou", null, null, true, true, -1));
  }

  @Test
  void meanIoUByHand() {
    // cm = [[1, 1], [1, 1]]: IoU of each class 1 / (2 + 2 - 1)
    MeanIoU m = new MeanIoU(2);
    m.updateState(Tensor.of(Nd4j.createFromArray(0, 0, 1, 1)), Tensor.of(Nd4j.createFromArray(0, 1, 0, 1)));
    assertEquals(1.0 / 3, m.result(), 1e-6);
  }

  @Test
  void f1ByHand() {
    // one class, tp 1, fp 1, fn 1: precision = recall = 0.5
    F1Score f = new F1Score("micro", 0.5, "f1", null);
    f.updateState(Tensor.of(Nd4j.createFromArray(new float[][] {{1}, {0}, {1}})),
        Tensor.of(Nd4j.createFromArray(new float[][] {{0.9f}, {0.8f}, {0.1f}})));
    assertEquals(0.5, f.result(), 1e-6);
  }

  @Test
  void r2OfAPerfectFitIsOne() {
    R2Score r = new R2Score();
    Tensor y = Tensor.of(Nd4j.createFromArray(new float[][] {{1, 2}, {3, 5}, {4, 1}}));
    r.updateState(y, y);
    assertEquals(1.0, r.result(), 1e-6);
  }
}

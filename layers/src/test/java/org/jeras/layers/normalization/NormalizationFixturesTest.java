package org.jeras.layers.normalization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.jeras.core.config.Serialization;
import org.jeras.core.layer.Layer;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.core.ops.EinsumOps;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.NnOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.tensor.GradientTape;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.core.testing.Fixtures;
import org.jeras.core.testing.KerasConfigs;
import org.jeras.layers.core.Activation;
import org.jeras.layers.core.Dense;
import org.jeras.layers.reshaping.Flatten;
import org.jeras.layers.testing.H5Weights;
import org.jeras.layers.testing.KerasModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The normalization fixtures written by real Keras (torch and jax sets), Keras's BatchNormalization
 * training trajectory, and the fixtures whose convolutions are computed here because Conv2D is
 * another module's.
 */
class NormalizationFixturesTest {
  @ParameterizedTest
  @ValueSource(strings = {"batchnorm", "layernorm", "unit_norm"})
  void reproducesKerasOutputs(String name) {
    for (String set : KerasModels.sets(name)) {
      KerasModels.assertReproduces(set + name);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"batchnorm", "layernorm", "unit_norm"})
  void modelConfigRoundTrips(String name) {
    for (String set : KerasModels.sets(name)) {
      JsonObject original = KerasConfigs.of(set + name);
      Layer model = Serialization.deserialize(original, Layer.class);
      JsonObject written = Serialization.serialize(model).getAsJsonObject();
      JsonObject expected = original.deepCopy();
      expected.remove("compile_config");
      written.remove("compile_config");
      strip(expected);
      strip(written);
      assertEquals(expected, written, set + name);
    }
  }

  /** The fixture's layer dicts of {@code className} round-trip through fromConfig/getConfig to the same JSON. */
  private static List<Layer> layersOf(String fixture, String className) {
    List<JsonObject> dicts = KerasConfigs.find(fixture, "keras.layers", className);
    List<Layer> out = new java.util.ArrayList<>();
    for (JsonObject d : dicts) {
      JsonObject expected = d.deepCopy();
      strip(expected);
      Layer l = Serialization.deserialize(d, Layer.class);
      JsonObject written = Serialization.serialize(l).getAsJsonObject();
      strip(written);
      // Functional layer dicts also carry the graph's name and inbound_nodes.
      for (String key : List.of("name", "inbound_nodes")) {
        if (expected.has(key)) {
          written.add(key, expected.get(key));
        }
      }
      assertEquals(expected, written, fixture + " " + className);
      out.add(l);
    }
    return out;
  }

  /**
   * group_norm: Conv2D (1x1, computed here as an einsum over channels) feeds two
   * GroupNormalizations; Flatten and Dense feed a third.
   */
  @Test
  void groupNormFixture() {
    for (String set : KerasModels.sets("group_norm")) {
      String name = set + "group_norm";
      Map<String, INDArray> w = H5Weights.read(Fixtures.file(name + ".weights.h5"));
      Map<String, INDArray> io = Fixtures.npz(name + ".io.npz");
      List<Layer> gns = layersOf(name, "GroupNormalization");
      INDArray x = io.get("x");
      INDArray kernel = w.get("layers/conv2d/vars/0");
      Tensor conv = MathOps.add(EinsumOps.einsum("bhwc,cd->bhwd", Tensor.of(x),
          Tensor.of(kernel.reshape(kernel.size(2), kernel.size(3)))), Tensor.of(w.get("layers/conv2d/vars/1")));
      Dense dense = new Dense(8);
      dense.build(Shape.of(Shape.UNKNOWN, 96), true);
      dense.setWeights(H5Weights.vars(w, "layers/dense"));
      Tensor flat = dense.apply(new Flatten().apply(Tensor.of(x)));
      Tensor[] inputs = {conv, conv, flat};
      for (int i = 0; i < 3; i++) {
        Layer gn = gns.get(i);
        KerasModels.loadTree(gn, w, "layers/group_normalization" + (i == 0 ? "" : "_" + i));
        KerasModels.assertClose(io.get("y" + i), gn.apply(inputs[i]).value(), name + " y" + i);
      }
    }
  }

  /**
   * batchnorm_channels_first: Conv2D (3x3, same, channels_first; computed here by direct loops)
   * -> BatchNormalization(axis=1) -> relu -> GlobalAveragePooling2D (a mean here) -> Dense.
   */
  @Test
  void batchNormChannelsFirstFixture() {
    for (String set : KerasModels.sets("batchnorm_channels_first")) {
      String name = set + "batchnorm_channels_first";
      Map<String, INDArray> w = H5Weights.read(Fixtures.file(name + ".weights.h5"));
      Map<String, INDArray> io = Fixtures.npz(name + ".io.npz");
      BatchNormalization bn = (BatchNormalization) layersOf(name, "BatchNormalization").get(0);
      INDArray conv = convSameChannelsFirst(io.get("x"), w.get("layers/conv2d/vars/0"), w.get("layers/conv2d/vars/1"));
      KerasModels.loadTree(bn, w, "layers/batch_normalization");
      Tensor h = NnOps.relu(bn.apply(Tensor.of(conv)));
      Tensor pooled = ReduceOps.mean(h, false, 2, 3);
      Dense out = new Dense(2);
      out.build(Shape.of(Shape.UNKNOWN, 4), true);
      out.setWeights(H5Weights.vars(w, "layers/dense"));
      KerasModels.assertClose(io.get("y"), out.apply(pooled).value(), name);
    }
  }

  /** A 'same'-padded, stride-1 2-D convolution of x (N, C, H, W) with a Keras kernel (kh, kw, C, F). */
  private static INDArray convSameChannelsFirst(INDArray x, INDArray kernel, INDArray bias) {
    long n = x.size(0);
    long c = x.size(1);
    long h = x.size(2);
    long wd = x.size(3);
    long kh = kernel.size(0);
    long kw = kernel.size(1);
    long f = kernel.size(3);
    INDArray out = Nd4j.zeros(DataType.DOUBLE, n, f, h, wd);
    for (long b = 0; b < n; b++) {
      for (long o = 0; o < f; o++) {
        for (long i = 0; i < h; i++) {
          for (long j = 0; j < wd; j++) {
            double s = bias.getDouble(o);
            for (long di = 0; di < kh; di++) {
              for (long dj = 0; dj < kw; dj++) {
                long ii = i + di - (kh - 1) / 2;
                long jj = j + dj - (kw - 1) / 2;
                if (ii < 0 || jj < 0 || ii >= h || jj >= wd) {
                  continue;
                }
                for (long ci = 0; ci < c; ci++) {
                  s += x.getDouble(b, ci, ii, jj) * kernel.getDouble(di, dj, ci, o);
                }
              }
            }
            out.putScalar(new long[] {b, o, i, j}, s);
          }
        }
      }
    }
    return out.castTo(DataType.FLOAT);
  }

  /**
   * Keras's recorded training run: Dense -> BatchNormalization(momentum=0.9) -> relu -> Dense,
   * categorical cross-entropy from logits, plain SGD (lr 0.1) written here. After each of the six
   * steps every weight, the moving mean and (biased) moving variance included, matches Keras's.
   */
  @Test
  void trainingTrajectoryMatchesKeras() {
    Map<String, INDArray> t = Fixtures.npz("trajectories/batchnorm.npz");
    Sequential model = new Sequential();
    model.add(Input.of(5));
    model.add(new Dense(8));
    model.add(new BatchNormalization().momentum(0.9));
    model.add(new Activation("relu"));
    model.add(new Dense(3));
    List<Variable> weights = model.weights();
    assertEquals(8, weights.size());
    for (int i = 0; i < 8; i++) {
      weights.get(i).assign(t.get("w0_" + i));
    }
    INDArray x = t.get("x");
    INDArray y = t.get("y");
    for (int step = 1; step <= 6; step++) {
      long b = (step - 1) % 3;
      INDArray xb = x.get(NDArrayIndex.interval(4 * b, 4 * b + 4), NDArrayIndex.all()).dup();
      INDArray yb = y.get(NDArrayIndex.interval(4 * b, 4 * b + 4), NDArrayIndex.all()).dup();
      List<INDArray> grads;
      Tensor loss;
      try (GradientTape tape = GradientTape.record()) {
        Tensor logits = model.apply(Tensor.of(xb), true);
        Tensor perSample = MathOps.neg(ReduceOps.sum(MathOps.mul(Tensor.of(yb), NnOps.logSoftmax(logits, -1)), false, -1));
        loss = ReduceOps.mean(perSample);
        grads = tape.gradient(loss, model.trainableWeights());
      }
      assertEquals(t.get("batch_loss_ref").getDouble(step - 1), loss.value().getDouble(0), 1e-5, "loss of step " + step);
      List<Variable> trainable = model.trainableWeights();
      for (int i = 0; i < trainable.size(); i++) {
        Variable v = trainable.get(i);
        v.assign(v.array().sub(grads.get(i).mul(0.1)));
      }
      for (int i = 0; i < 8; i++) {
        KerasModels.assertClose(t.get("w" + step + "_" + i), weights.get(i).array(),
            "weight " + weights.get(i).path() + " after step " + step);
      }
    }
  }

  static void strip(JsonElement e) {
    if (e.isJsonObject()) {
      e.getAsJsonObject().remove("shared_object_id");
      for (Map.Entry<String, JsonElement> x : e.getAsJsonObject().entrySet()) {
        strip(x.getValue());
      }
    } else if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(NormalizationFixturesTest::strip);
    }
  }
}

package org.jeras.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.export.ExportedModel;
import org.jeras.export.Exporter;
import org.jeras.layers.convolutional.Conv2D;
import org.jeras.layers.core.Dense;
import org.jeras.layers.pooling.MaxPooling2D;
import org.jeras.layers.regularization.Dropout;
import org.jeras.layers.reshaping.Flatten;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code predictOnBatch} eagerly and through the compiled inference plan, on the MLP
 * 784-256-256-10 and on keras.io's "Simple MNIST convnet" (conv 32, pool, conv 64, pool, flatten,
 * dropout, dense 10), at batch 1 and 32; and the same model exported to ONNX and run on ONNX Runtime
 * (Java, default session options) through {@link ExportedModel}, the peer a serving team would
 * otherwise pick. Compare {@code eager}, {@code planned} and {@code onnxruntime} per model and batch.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@State(Scope.Thread)
public class PlanBenchmark {
  @Param({"mlp", "convnet"})
  public String model;

  @Param({"1", "32"})
  public int batch;

  @Param({"eager", "planned", "onnxruntime"})
  public String path;

  private Sequential net;
  private INDArray x;
  private Path exported;
  private ExportedModel onnx;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    Nd4j.getRandom().setSeed(7);
    net = new Sequential();
    if (model.equals("mlp")) {
      net.add(Input.of(784));
      net.add(new Dense(256, "relu"));
      net.add(new Dense(256, "relu"));
      net.add(new Dense(10, "softmax"));
      x = Nd4j.rand(DataType.FLOAT, batch, 784);
    } else {
      net.add(Input.of(28, 28, 1));
      net.add(new Conv2D(32, 3, 3).activation("relu"));
      net.add(new MaxPooling2D(2, 2));
      net.add(new Conv2D(64, 3, 3).activation("relu"));
      net.add(new MaxPooling2D(2, 2));
      net.add(new Flatten());
      net.add(new Dropout(0.5));
      net.add(new Dense(10, "softmax"));
      x = Nd4j.rand(DataType.FLOAT, batch, 28, 28, 1);
    }
    boolean planned = path.equals("planned");
    net.inferencePlans().setEnabled(planned);
    net.predictOnBatch(x);
    if (planned != net.inferencePlans().isPlanned(List.of(x))) {
      throw new IllegalStateException(model + " is not planned: " + net.inferencePlans().eagerReason(List.of(x)));
    }
    if (path.equals("onnxruntime")) {
      exported = Files.createTempDirectory("plan-bench-onnx");
      Exporter.export(net, exported);
      onnx = ExportedModel.load(exported);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    if (onnx != null) {
      onnx.close();
      try (Stream<Path> files = Files.walk(exported)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Benchmark
  public INDArray predictOnBatch() {
    return onnx != null ? onnx.endpoint("serve").call(x).get(0) : net.predictOnBatch(x);
  }
}

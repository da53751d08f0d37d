package org.jeras.benchmarks;

import java.util.concurrent.TimeUnit;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
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

/**
 * {@code predictOnBatch} eagerly and through the compiled inference plan, on the MLP
 * 784-256-256-10 and on keras.io's "Simple MNIST convnet" (conv 32, pool, conv 64, pool, flatten,
 * dropout, dense 10), at batch 1 and 32. Compare {@code eager} with {@code planned} per model and batch.
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

  @Param({"eager", "planned"})
  public String path;

  private Sequential net;
  private INDArray x;

  @Setup(Level.Trial)
  public void setup() {
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
    if (planned != net.inferencePlans().isPlanned(java.util.List.of(x))) {
      throw new IllegalStateException(model + " is not planned: " + net.inferencePlans().eagerReason(java.util.List.of(x)));
    }
  }

  @Benchmark
  public INDArray predictOnBatch() {
    return net.predictOnBatch(x);
  }
}

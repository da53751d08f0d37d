package org.jeras.benchmarks;

import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.core.optimizers.Adam;
import org.jeras.layers.core.Dense;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
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
 * MLP 784-256-256-10 (relu, relu, softmax): inference at batch 1 and 128, and one Adam training
 * step with categorical crossentropy at batch 128, in Jeras and in DL4J on the same ND4J.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@State(Scope.Thread)
public class MlpBenchmark {
  @Param({"1", "128"})
  public int batch;

  private Sequential jeras;
  private MultiLayerNetwork dl4j;
  private INDArray x;
  private INDArray y;

  @Setup(Level.Trial)
  public void setup() {
    Nd4j.getRandom().setSeed(7);
    x = Nd4j.rand(DataType.FLOAT, batch, 784);
    y = Nd4j.zeros(DataType.FLOAT, batch, 10);
    for (int i = 0; i < batch; i++) {
      y.putScalar(i, i % 10, 1f);
    }
    jeras = new Sequential();
    jeras.add(Input.of(784));
    jeras.add(new Dense(256, "relu"));
    jeras.add(new Dense(256, "relu"));
    jeras.add(new Dense(10, "softmax"));
    jeras.compile(new Adam(1e-3), "categorical_crossentropy");

    MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
        .seed(7)
        .dataType(DataType.FLOAT)
        .updater(new org.nd4j.linalg.learning.config.Adam(1e-3))
        .weightInit(WeightInit.XAVIER_UNIFORM)
        .list()
        .layer(new DenseLayer.Builder().nIn(784).nOut(256).activation(Activation.RELU).build())
        .layer(new DenseLayer.Builder().nIn(256).nOut(256).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(256).nOut(10)
            .activation(Activation.SOFTMAX).build())
        .build();
    dl4j = new MultiLayerNetwork(conf);
    dl4j.init();
  }

  @Benchmark
  public INDArray jerasPredict() {
    return jeras.predictOnBatch(x);
  }

  @Benchmark
  public INDArray dl4jPredict() {
    return dl4j.output(x, false);
  }

  @Benchmark
  public Object jerasTrainStep() {
    return jeras.trainOnBatch(x, y);
  }

  @Benchmark
  public Object dl4jTrainStep() {
    dl4j.fit(x, y);
    return dl4j;
  }
}

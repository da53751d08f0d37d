package org.jeras.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jeras.core.graph.ModelSignature;
import org.jeras.core.model.Model;
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
 * {@code predictOnBatch} latency of your own {@code .keras} file on random inputs shaped like its
 * inputs (uniform [0, 1), 0/1 for integer inputs), per batch size:
 * {@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main UserModel -p model=/path/model.keras -p batch=1,32}.
 * The load time is {@link UserModelLoadBenchmark}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@State(Scope.Thread)
public class UserModelBenchmark {
  /** Path of the {@code .keras} file; required ({@code -p model=...}). */
  @Param("")
  public String model;

  /** Rows per call. */
  @Param({"1", "32"})
  public int batch;

  private Model net;
  private List<INDArray> x;

  /** Loads the model, draws its inputs and runs one call (which compiles its inference plan). */
  @Setup(Level.Trial)
  public void setup() {
    net = UserModelFile.load(model);
    Nd4j.getRandom().setSeed(7);
    x = ModelSignature.randomInputs(net, batch);
    net.predictOnBatch(x);
    System.out.println(net.inferencePlans().isPlanned(x) ? "predictOnBatch runs through its compiled plan"
        : "predictOnBatch runs eagerly: " + net.inferencePlans().eagerReason(x));
  }

  /** One inference call on the batch. */
  @Benchmark
  public List<INDArray> predictOnBatch() {
    return net.predictOnBatch(x);
  }
}

package org.jeras.benchmarks;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jeras.core.model.Model;
import org.jeras.saving.Models;
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
 * Time to load your own {@code .keras} file ({@code Models.load}: config, layers, weights), in a
 * warm JVM: {@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main UserModelLoad -p model=/path/model.keras}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@State(Scope.Benchmark)
public class UserModelLoadBenchmark {
  /** Path of the {@code .keras} file; required ({@code -p model=...}). */
  @Param("")
  public String model;

  private Path path;

  /** Checks the path once, so a wrong one fails before any measurement. */
  @Setup(Level.Trial)
  public void setup() {
    path = UserModelFile.path(model);
  }

  /** One load of the file. */
  @Benchmark
  public Model load() {
    return Models.load(path);
  }
}

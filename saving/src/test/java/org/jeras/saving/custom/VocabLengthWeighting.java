package org.jeras.saving.custom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.CallArgs;
import org.jeras.core.graph.Tracer;
import org.jeras.core.layer.CallContext;
import org.jeras.core.layer.Layer;
import org.jeras.core.ops.MathOps;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fixtures' {@code fixtures>VocabLengthWeighting} (fixture_custom.py): multiplies column i by
 * the length of word i of a vocabulary that lives only in the asset {@code vocabulary.txt}.
 */
public final class VocabLengthWeighting extends Layer {
  static final String ASSET_FILE = "vocabulary.txt";
  private final int vocabSize;
  private List<String> vocabulary;

  public VocabLengthWeighting(int vocabSize) {
    this.vocabSize = vocabSize;
  }

  public static VocabLengthWeighting fromConfig(Config c) {
    return new VocabLengthWeighting(c.getInt("vocab_size")).withBaseConfig(c);
  }

  public List<String> vocabulary() {
    return vocabulary;
  }

  /** Sets the vocabulary ({@code vocab_size} words), as the Python constructor's {@code vocabulary} argument. */
  public VocabLengthWeighting setVocabulary(List<String> words) {
    if (words.size() != vocabSize) {
      throw new IllegalArgumentException("vocabulary has " + words.size() + " words, expected " + vocabSize);
    }
    vocabulary = List.copyOf(words);
    return this;
  }

  @Override
  public String module() {
    return "fixture_custom";
  }

  @Override
  public String registeredName() {
    return "fixtures>VocabLengthWeighting";
  }

  /** The output has the input's shape (Keras's compute_output_shape), known before the vocabulary is loaded. */
  @Override
  public List<Tensor> computeOutputSpec(CallArgs args) {
    Tensor in = args.allTensors().get(0);
    return List.of(Tensor.symbolic(in.shape(), computeDtype(), null));
  }

  @Override
  protected Tensor call(Tensor input, CallContext ctx) {
    if (vocabulary == null) {
      throw new IllegalStateException("VocabLengthWeighting has no vocabulary");
    }
    float[] lengths = new float[vocabSize];
    for (int i = 0; i < vocabSize; i++) {
      lengths[i] = vocabulary.get(i).length();
    }
    return MathOps.mul(input, Tracer.literal(Tensor.of(Nd4j.createFromArray(lengths))));
  }

  @Override
  public void saveAssets(Path dir) throws IOException {
    Files.writeString(dir.resolve(ASSET_FILE), String.join("\n", vocabulary) + "\n", StandardCharsets.UTF_8);
  }

  @Override
  public void loadAssets(Path dir) throws IOException {
    List<String> words = Files.readAllLines(dir.resolve(ASSET_FILE), StandardCharsets.UTF_8).stream()
        .filter(w -> !w.isEmpty()).toList();
    if (words.size() != vocabSize) {
      throw new ConfigException("vocabulary.txt of '" + name() + "' has " + words.size() + " words, expected " + vocabSize);
    }
    setVocabulary(words);
  }

  @Override
  public Config getConfig() {
    return super.getConfig().put("vocab_size", vocabSize);
  }
}

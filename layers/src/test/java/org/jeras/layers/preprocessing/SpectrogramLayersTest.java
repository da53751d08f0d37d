package org.jeras.layers.preprocessing;

import static org.jeras.layers.testing.TestData.f64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.layer.IncompatibleInputException;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.ReduceOps;
import org.jeras.core.ops.SignalOps;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.jeras.core.testing.GradCheck;
import org.jeras.layers.core.Dense;
import org.jeras.layers.testing.TestData;
import org.jeras.layers.testing.TinyTraining;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * STFTSpectrogram and MelSpectrogram: the DFT against a pure tone, gradients by finite
 * differences, training, configs and typed errors (their outputs against real Keras: the
 * extra/textprep spectrogram files).
 */
class SpectrogramLayersTest {
  @Test
  void stftReflectPadsAndCountsFrames() {
    // centred: 10 samples + 2 * 4 padding, frames of 8 every 3 -> 1 + (18 - 8) / 3 = 4 frames
    Tensor x = Tensor.of(TestData.uniform(1, -1, 1, 2, 10));
    Tensor[] f = SignalOps.stft(x, 6, 3, 8, "hann", true);
    assertArrayEquals(new long[] {2, 4, 5}, f[0].value().shape());
    // the DC bin of frame 0 sums the reflect-padded samples -4..3 under the centred window
    double[] w = SignalOps.window("hann", 6);
    double want = 0;
    for (int n = 0; n < 8; n++) {
      int p = Math.abs(n - 4);
      double win = n >= 1 && n <= 6 ? w[n - 1] : 0;
      want += win * x.value().getDouble(0, p);
    }
    assertEquals(want, f[0].value().getDouble(0, 0, 0), 1e-6);
  }

  @Test
  void stftSpectrogramGradients() {
    INDArray x = TestData.uniform(3, -1, 1, 2, 24, 2);
    for (String mode : List.of("log", "angle", "psd", "stft")) {
      STFTSpectrogram layer = f64(new STFTSpectrogram(mode, 8, 4, null, "hann", false, "density", "same", false,
          "channels_last"));
      layer.apply(Tensor.of(x));
      GradCheck.check(t -> layer.apply(t.get(0)), x);
      if (!mode.equals("angle")) {
        // (The DC and Nyquist bins have no imaginary part, so their angle jumps between 0 and pi
        // as an imaginary-kernel weight moves: not differentiable there.)
        GradCheck.checkVariables(() -> layer.apply(Tensor.of(x)), layer.trainableWeights());
      }
    }
    INDArray cf = TestData.uniform(4, -1, 1, 2, 2, 20);
    STFTSpectrogram first = f64(new STFTSpectrogram("magnitude", 6, 3, 8, "hamming", true, "spectrum", "valid", true,
        "channels_first"));
    GradCheck.check(t -> first.apply(t.get(0)), cf);
  }

  @Test
  void melSpectrogramGradients() {
    INDArray x = TestData.uniform(5, -1, 1, 2, 48);
    MelSpectrogram db = f64(new MelSpectrogram(16, 8, 12, "hann", 8000, 4, 100.0, null, true, 80.0, 2.0, 1e-10, 1.0));
    GradCheck.check(t -> db.apply(t.get(0)), x);
    MelSpectrogram power = f64(new MelSpectrogram(16, 4, null, "hamming", 4000, 3, 50.0, 1500.0, false, 80.0, 1.0,
        1e-10, 1.0));
    GradCheck.check(t -> power.apply(t.get(0)), x);
  }

  @Test
  void stftKernelsTrainAndMelFeedsATrainableModel() {
    Tensor x = Tensor.of(TestData.uniform(6, -1, 1, 3, 32, 1));
    STFTSpectrogram stft = f64(new STFTSpectrogram("real", 8, 4, null, "hann", false, "density", "valid", false,
        "channels_last"));
    Tensor target = Tensor.of(TestData.uniform(7, -1, 1, 3, 7, 5));
    stft.apply(x);
    TinyTraining.assertLossFalls(() -> ReduceOps.mean(MathOps.square(MathOps.sub(stft.apply(x), target))),
        stft.trainableWeights(), 0.05, 20, 0.9);

    Tensor audio = Tensor.of(TestData.uniform(8, -1, 1, 4, 64));
    MelSpectrogram mel = f64(new MelSpectrogram(16, 8, null, "hann", 8000, 6, 20.0, null, true, 80.0, 2.0, 1e-10, 1.0));
    Dense dense = f64(new Dense(2));
    Tensor y = Tensor.of(TestData.uniform(9, -1, 1, 4, 6, 2));
    dense.apply(mel.apply(audio));
    List<Variable> vars = new ArrayList<>(dense.trainableWeights());
    TinyTraining.assertLossFalls(() -> ReduceOps.mean(MathOps.square(MathOps.sub(dense.apply(mel.apply(audio)), y))), vars, 1e-4, 20, 0.9);
  }

  @Test
  void configsRoundTripWithKerasKeys() {
    STFTSpectrogram stft = new STFTSpectrogram("psd", 20, 10, 32, null, true, null, "same", true, "channels_first");
    Config c = stft.getConfig();
    assertEquals(List.of("name", "trainable", "dtype", "mode", "frame_length", "frame_step", "fft_length", "window",
        "periodic", "scaling", "padding", "data_format", "expand_dims"), List.copyOf(c.json().keySet()));
    assertEquals(c.json(), STFTSpectrogram.fromConfig(c).getConfig().json());
    MelSpectrogram mel = new MelSpectrogram();
    Config m = mel.getConfig();
    assertEquals(List.of("name", "trainable", "dtype", "fft_length", "sequence_stride", "sequence_length", "window",
        "sampling_rate", "num_mel_bins", "min_freq", "max_freq", "power_to_db", "top_db", "mag_exp", "min_power",
        "ref_power"), List.copyOf(m.json().keySet()));
    assertEquals(8000, m.json().get("max_freq").getAsLong());
    assertEquals(2048, m.getInt("sequence_length"));
    assertEquals(m.json(), MelSpectrogram.fromConfig(m).getConfig().json());
  }

  @Test
  void typedErrors() {
    assertThrows(ConfigException.class, () -> new STFTSpectrogram("phase", 8, null, null, "hann", false, "density",
        "valid", false, "channels_last"));
    assertThrows(ConfigException.class, () -> new STFTSpectrogram("log", 8, 9, null, "hann", false, "density",
        "valid", false, "channels_last"));
    assertThrows(ConfigException.class, () -> new STFTSpectrogram("log", 8, null, 4, "hann", false, "density",
        "valid", false, "channels_last"));
    assertThrows(ConfigException.class, () -> new STFTSpectrogram("log", 8, null, null, "kaiser_x", false, "density",
        "valid", false, "channels_last"));
    assertThrows(ConfigException.class, () -> new MelSpectrogram(16, 4, 32, "hann", 8000, 4, 20.0, null, true, 80.0,
        2.0, 1e-10, 1.0));
    assertThrows(ConfigException.class, () -> new MelSpectrogram(16, 4, null, "blackman", 8000, 4, 20.0, null, true,
        80.0, 2.0, 1e-10, 1.0));
    assertThrows(IncompatibleInputException.class,
        () -> new MelSpectrogram().apply(Tensor.of(Nd4j.zeros(2, 3, 4096))));
    assertThrows(IncompatibleInputException.class, () -> new STFTSpectrogram(8).apply(Tensor.of(Nd4j.zeros(2, 32))));
  }
}

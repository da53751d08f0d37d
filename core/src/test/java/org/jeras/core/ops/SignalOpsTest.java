package org.jeras.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jeras.core.tensor.Tensor;
import org.jeras.core.testing.GradCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** SignalOps.stft against derived spectra and by finite differences; MathOps.atan2. */
class SignalOpsTest {
  @Test
  void stftOfAPureToneIsOneSpike() {
    int n = 32;
    int k0 = 5;
    double[] tone = new double[n];
    for (int i = 0; i < n; i++) {
      tone[i] = Math.cos(2 * Math.PI * k0 * i / n);
    }
    Tensor[] f = SignalOps.stft(Tensor.of(Nd4j.createFromArray(tone)), n, n, n, null, false);
    assertArrayEquals(new long[] {1, n / 2 + 1}, f[0].value().shape());
    for (int k = 0; k <= n / 2; k++) {
      assertEquals(k == k0 ? n / 2.0 : 0.0, f[0].value().getDouble(0, k), 1e-9, "real bin " + k);
      assertEquals(0.0, f[1].value().getDouble(0, k), 1e-9, "imaginary bin " + k);
    }
    // a sine's spectrum is imaginary: -N/2 at its bin
    for (int i = 0; i < n; i++) {
      tone[i] = Math.sin(2 * Math.PI * k0 * i / n);
    }
    f = SignalOps.stft(Tensor.of(Nd4j.createFromArray(tone)), n, n, n, null, false);
    assertEquals(-n / 2.0, f[1].value().getDouble(0, k0), 1e-9);
  }

  @Test
  void stftGradients() {
    INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 2, 20).subi(0.5);
    GradCheck.check(t -> SignalOps.stft(t.get(0), 6, 3, 8, "hann", true)[0], x);
    GradCheck.check(t -> SignalOps.stft(t.get(0), 8, 5, 8, "hamming", false)[1], x);
  }

  @Test
  void stftRefusesBadArguments() {
    Tensor x = Tensor.of(Nd4j.zeros(2, 6));
    assertThrows(IllegalArgumentException.class, () -> SignalOps.stft(x, 8, 2, 4, null, false));
    assertThrows(OpShapeException.class, () -> SignalOps.stft(x, 16, 2, 16, null, true));
    assertThrows(IllegalArgumentException.class, () -> SignalOps.window("kaiser", 4));
  }

  @Test
  void atan2MatchesJavaAndQuadrants() {
    Tensor y = Tensor.of(Nd4j.createFromArray(1.0, 1.0, -1.0, -1.0, 0.0));
    Tensor x = Tensor.of(Nd4j.createFromArray(1.0, -1.0, -1.0, 1.0, -2.0));
    INDArray a = MathOps.atan2(y, x).value();
    for (int i = 0; i < 5; i++) {
      assertEquals(Math.atan2(y.value().getDouble(i), x.value().getDouble(i)), a.getDouble(i), 1e-15);
    }
    GradCheck.check(t -> MathOps.atan2(t.get(0), t.get(1)), Nd4j.createFromArray(0.3, 0.9, 0.5, 0.7), Nd4j.createFromArray(-0.8, 0.4, 0.6, -0.2));
    assertTrue(a.getDouble(4) > 3.14);
  }
}

package org.jeras.core.ops;

import org.jeras.core.graph.Tracer;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's {@code ops.stft}: the short-time Fourier transform of the last axis, built from described
 * ops (a gather of the frames, then products with the windowed DFT basis), so that it has
 * gradients, traces and exports like any other op. The DFT is computed directly, as a matrix
 * product with the {@code fft_length x (fft_length / 2 + 1)} cosine and sine bases: exact, and
 * cheap at the frame sizes spectrogram layers use.
 */
public final class SignalOps {
  private SignalOps() {}

  /**
   * The window Keras's {@code stft} applies for a name: scipy's {@code get_window(name, length)},
   * which is periodic ({@code fftbins=True}).
   *
   * @param window {@code "hann"}, {@code "hamming"}, or null for a rectangular window
   * @param length the window's length
   * @return the window's values
   */
  public static double[] window(String window, int length) {
    double[] w = new double[length];
    for (int n = 0; n < length; n++) {
      double c = Math.cos(2 * Math.PI * n / length);
      if (window == null) {
        w[n] = 1;
      } else if (window.equals("hann")) {
        w[n] = 0.5 - 0.5 * c;
      } else if (window.equals("hamming")) {
        w[n] = 0.54 - 0.46 * c;
      } else {
        throw new IllegalArgumentException("stft: window must be \"hann\", \"hamming\" or null, got '" + window + "'");
      }
    }
    return w;
  }

  /**
   * Keras's {@code ops.stft(x, sequence_length, sequence_stride, fft_length, window, center)}:
   * frames of {@code sequenceLength} samples every {@code sequenceStride}, each windowed (the window
   * centred in {@code fftLength} samples) and transformed; with {@code center} the signal is first
   * reflect-padded by {@code fftLength / 2} on both sides. Returns the real and imaginary parts,
   * each of shape {@code x.shape[:-1] + (frames, fftLength / 2 + 1)}, in {@code x}'s dtype.
   *
   * @param x the signal (last axis: time)
   * @param sequenceLength the samples per frame
   * @param sequenceStride the hop between frames
   * @param fftLength the DFT size, at least {@code sequenceLength}
   * @param window {@code "hann"}, {@code "hamming"}, or null
   * @param center whether to reflect-pad the signal first
   * @return the real and imaginary parts
   */
  public static Tensor[] stft(Tensor x, int sequenceLength, int sequenceStride, int fftLength, String window,
      boolean center) {
    if (sequenceLength < 1 || sequenceStride < 1 || fftLength < sequenceLength) {
      throw new IllegalArgumentException("stft: need 1 <= sequence_length <= fft_length and sequence_stride >= 1, got "
          + sequenceLength + ", " + sequenceStride + ", " + fftLength);
    }
    long length = x.value().size(-1);
    int pad = center ? fftLength / 2 : 0;
    if (center && length <= pad) {
      throw new OpShapeException("stft: reflect padding by " + pad + " needs more than " + pad + " samples, got "
          + length);
    }
    long padded = length + 2L * pad;
    if (padded < fftLength) {
      throw new OpShapeException("stft: " + padded + " samples (padded) are fewer than fft_length " + fftLength);
    }
    long frames = (padded - fftLength) / sequenceStride + 1;
    TensorLimit.check("stft frames", new long[] {frames, fftLength}, org.jeras.core.tensor.DType.INT64);
    long[] idx = new long[Math.toIntExact(frames * fftLength)];
    for (long f = 0; f < frames; f++) {
      for (int n = 0; n < fftLength; n++) {
        long p = f * sequenceStride + n - pad;
        // reflect (numpy's "reflect": the edge sample is not repeated)
        if (p < 0) {
          p = -p;
        } else if (p >= length) {
          p = 2 * (length - 1) - p;
        }
        idx[(int) (f * fftLength + n)] = p;
      }
    }
    Tensor framed = Ops.take(x, Tracer.literal(Tensor.of(Nd4j.createFromArray(idx).reshape(frames, fftLength))), -1);
    int bins = fftLength / 2 + 1;
    double[] w = window(window, sequenceLength);
    int left = (fftLength - sequenceLength) / 2;
    double[] cos = new double[fftLength * bins];
    double[] sin = new double[fftLength * bins];
    for (int n = 0; n < sequenceLength; n++) {
      int t = n + left;
      for (int k = 0; k < bins; k++) {
        // the angle reduced mod fftLength keeps it exact for long frames
        double a = 2 * Math.PI * ((long) k * t % fftLength) / fftLength;
        cos[t * bins + k] = w[n] * Math.cos(a);
        sin[t * bins + k] = -w[n] * Math.sin(a);
      }
    }
    DataType dt = x.value().dataType();
    long[] basis = {fftLength, bins};
    Tensor re = LinalgOps.matmul(framed, Tracer.literal(Tensor.of(Nd4j.create(cos, basis, DataType.DOUBLE).castTo(dt))));
    Tensor im = LinalgOps.matmul(framed, Tracer.literal(Tensor.of(Nd4j.create(sin, basis, DataType.DOUBLE).castTo(dt))));
    return new Tensor[] {re, im};
  }
}

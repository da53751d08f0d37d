package org.jeras.core.ops;

import java.util.Arrays;

/**
 * The index arithmetic of one grouped N-d convolution over row-major channels_last buffers:
 * {@code y[b, o, co] = sum x[b, o*stride + k*dil - padBefore, ci] * w[k, ci, co]} over kernel
 * positions {@code k} and the input channels {@code ci} of {@code co}'s group. Input positions
 * that fall outside the input are padding (zeros). The same traversal gives the forward pass and
 * both gradients.
 */
final class ConvGeometry {
  private static final int FORWARD = 0;
  private static final int GRAD_INPUT = 1;
  private static final int GRAD_KERNEL = 2;

  final long batch;
  final long inVolume;
  final long outVolume;
  final int cin;
  final int cout;
  private final int groups;
  private final long[] in;
  private final long[] out;
  private final int[][] kernelOffsets;
  private final int[] strides;
  private final int[] padBefore;

  ConvGeometry(long batch, long[] in, long[] out, long[] kernel, long cin, long cout, int groups, int[] strides,
      int[] dilation, int[] padBefore) {
    if (cin % groups != 0 || cout % groups != 0) {
      throw new IllegalArgumentException("Channels (" + cin + " in, " + cout + " out) must be divisible by groups="
          + groups);
    }
    this.batch = batch;
    this.in = in.clone();
    this.out = out.clone();
    this.inVolume = volume(in);
    this.outVolume = volume(out);
    this.cin = (int) cin;
    this.cout = (int) cout;
    this.groups = groups;
    this.strides = strides.clone();
    this.padBefore = padBefore.clone();
    int r = kernel.length;
    int kVolume = (int) volume(kernel);
    kernelOffsets = new int[kVolume][r];
    for (int k = 0; k < kVolume; k++) {
      long rest = k;
      for (int d = r - 1; d >= 0; d--) {
        kernelOffsets[k][d] = (int) (rest % kernel[d]) * dilation[d];
        rest /= kernel[d];
      }
    }
  }

  /** {@code y += conv(x, w)}. */
  void forward(double[] x, double[] w, double[] y) {
    run(FORWARD, x, w, y);
  }

  /** {@code gx += d(sum(conv(x, w) * gy)) / dx}. */
  void gradInput(double[] gx, double[] w, double[] gy) {
    run(GRAD_INPUT, gx, w, gy);
  }

  /** {@code gw += d(sum(conv(x, w) * gy)) / dw}. */
  void gradKernel(double[] x, double[] gw, double[] gy) {
    run(GRAD_KERNEL, x, gw, gy);
  }

  private void run(int mode, double[] x, double[] w, double[] y) {
    int r = in.length;
    int cinG = cin / groups;
    int coutG = cout / groups;
    int[] o = new int[r];
    for (long b = 0; b < batch; b++) {
      Arrays.fill(o, 0);
      for (long of = 0; of < outVolume; of++) {
        int yBase = (int) ((b * outVolume + of) * cout);
        for (int kIndex = 0; kIndex < kernelOffsets.length; kIndex++) {
          int[] off = kernelOffsets[kIndex];
          long inFlat = 0;
          boolean inside = true;
          for (int d = 0; d < r; d++) {
            long p = (long) o[d] * strides[d] + off[d] - padBefore[d];
            if (p < 0 || p >= in[d]) {
              inside = false;
              break;
            }
            inFlat = inFlat * in[d] + p;
          }
          if (!inside) {
            continue;
          }
          int xBase = (int) ((b * inVolume + inFlat) * cin);
          int wBase = kIndex * cinG * cout;
          for (int g = 0; g < groups; g++) {
            int yg = yBase + g * coutG;
            for (int ci = 0; ci < cinG; ci++) {
              int xi = xBase + g * cinG + ci;
              int wRow = wBase + ci * cout + g * coutG;
              switch (mode) {
                case FORWARD -> {
                  double xv = x[xi];
                  for (int co = 0; co < coutG; co++) {
                    y[yg + co] += xv * w[wRow + co];
                  }
                }
                case GRAD_INPUT -> {
                  double s = 0;
                  for (int co = 0; co < coutG; co++) {
                    s += y[yg + co] * w[wRow + co];
                  }
                  x[xi] += s;
                }
                default -> {
                  double xv = x[xi];
                  for (int co = 0; co < coutG; co++) {
                    w[wRow + co] += xv * y[yg + co];
                  }
                }
              }
            }
          }
        }
        for (int d = r - 1; d >= 0; d--) {
          if (++o[d] < out[d]) {
            break;
          }
          o[d] = 0;
        }
      }
    }
  }

  private static long volume(long[] dims) {
    long v = 1;
    for (long d : dims) {
      v *= d;
    }
    return v;
  }
}

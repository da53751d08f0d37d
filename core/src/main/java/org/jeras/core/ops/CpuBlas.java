package org.jeras.core.ops;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemv;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemv;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Matrix products straight in the OpenBLAS that ND4J's CPU backend links, on the arrays' own
 * buffers. Loaded only when the backend is the CPU one (OpenBLAS is absent from the CUDA build);
 * callers check {@link Kernels#denseRowMajor} first.
 */
final class CpuBlas {
  private CpuBlas() {}

  /**
   * {@code c = op(a) @ op(b)} for 2-d row-major arrays, {@code op} transposing when asked; a
   * single-row product runs as a matrix-vector product, which OpenBLAS does far faster.
   */
  static void gemm(INDArray a, boolean transA, INDArray b, boolean transB, INDArray c) {
    int m = (int) c.size(0);
    int n = (int) c.size(1);
    int k = (int) (transA ? a.size(0) : a.size(1));
    int lda = (int) a.size(1);
    int ldb = (int) b.size(1);
    boolean f32 = c.dataType() == DataType.FLOAT;
    if (m == 1 && !transA) {
      // c[1,n] = op(b)^T x: with b row-major [k,n] that is b transposed times x.
      int rows = (int) b.size(0);
      int cols = (int) b.size(1);
      int trans = transB ? CblasNoTrans : CblasTrans;
      if (f32) {
        cblas_sgemv(CblasRowMajor, trans, rows, cols, 1f, f(b), ldb, f(a), 1, 0f, f(c), 1);
      } else {
        cblas_dgemv(CblasRowMajor, trans, rows, cols, 1.0, d(b), ldb, d(a), 1, 0.0, d(c), 1);
      }
      return;
    }
    int ta = transA ? CblasTrans : CblasNoTrans;
    int tb = transB ? CblasTrans : CblasNoTrans;
    if (f32) {
      cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, 1f, f(a), lda, f(b), ldb, 0f, f(c), n);
    } else {
      cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, 1.0, d(a), lda, d(b), ldb, 0.0, d(c), n);
    }
  }

  private static FloatPointer f(INDArray a) {
    return (FloatPointer) a.data().addressPointer();
  }

  private static DoublePointer d(INDArray a) {
    return (DoublePointer) a.data().addressPointer();
  }
}

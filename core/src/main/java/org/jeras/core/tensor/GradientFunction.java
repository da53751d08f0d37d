package org.jeras.core.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The local backward of one op: maps the gradient of its output to the gradients of its inputs. */
@FunctionalInterface
public interface GradientFunction {
  /**
   * Gradients for each input, in input order, each shaped like its input; an entry may be null
   * where no gradient flows (e.g. integer or constant inputs).
   *
   * @param gradOutput the gradient of the op's output
   * @return the gradients of the inputs
   */
  INDArray[] apply(INDArray gradOutput);
}

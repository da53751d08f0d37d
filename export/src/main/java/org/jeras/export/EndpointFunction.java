package org.jeras.export;

import java.util.List;
import org.jeras.core.tensor.Tensor;

/**
 * An inference function over tracked layers, exported as an endpoint: positional tensor arguments
 * in, output tensors out (Keras's {@code fn} of {@code add_endpoint}). It is traced, not stored.
 */
@FunctionalInterface
public interface EndpointFunction {
  /**
   * Computes the endpoint's outputs; called once, while tracing.
   *
   * @param args the positional arguments, one per input spec
   * @return the output tensors, in order
   */
  List<Tensor> call(List<Tensor> args);
}

package org.jeras.core.plan;

/**
 * Lowers one op of a graph to a {@link Step} over a frame's preallocated arrays; throws
 * {@link Unplannable} for attributes, shapes or dtypes it does not handle. Called once per frame,
 * so it may precompute arguments and views; the step itself must not allocate buffers.
 */
@FunctionalInterface
interface PlanKernel {
  Step bind(Binding b);
}

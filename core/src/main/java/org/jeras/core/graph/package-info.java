/**
 * One traced graph of ops for a model's inference call, with two consumers: exporters (ONNX in the
 * export module) and compiled inference plans.
 *
 * <p>Every differentiable op describes itself with an {@link org.jeras.core.graph.OpDesc} (name and
 * the attributes that fix its math) when it calls {@link org.jeras.core.tensor.GradientTape#recordOp};
 * while a {@link org.jeras.core.graph.Tracer} scope is open on the thread, each op becomes a node of
 * an immutable {@link org.jeras.core.graph.OpGraph}, each {@code Variable.read()} a constant held by
 * reference. No layer has tracing code of its own; a layer that computes something outside the ops
 * fails tracing with a {@link org.jeras.core.graph.TraceException} naming it, unless it declares
 * an input-independent constant with {@link org.jeras.core.graph.Tracer#literal}.
 */
package org.jeras.core.graph;

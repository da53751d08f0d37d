/**
 * Compiled inference: an {@link org.jeras.core.graph.OpGraph} with static shapes lowered to an
 * {@link org.jeras.core.plan.InferencePlan} (steps in topological order over preallocated buffers,
 * ND4J ops through reused op contexts), and the per-model cache
 * {@link org.jeras.core.plan.PlanCache} that {@code Model.predictOnBatch} runs through.
 */
package org.jeras.core.plan;

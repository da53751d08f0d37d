package org.jeras.core.tensor;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Memory for the arrays of one step (a prediction or a training step), reused by the next step.
 *
 * <p>ND4J frees off-heap buffers only when the garbage collector finds them, so a service that
 * predicts in a loop grows by every intermediate activation until a collection comes (gigabytes,
 * and every fresh page costs a fault). Inside a scratch scope new arrays are carved from one
 * ND4J workspace per thread and kind of step, learnt on the first step and rewound at the end of
 * each. What must outlive the step is copied out: {@link #keep} for results, and
 * {@link Variable} copies values assigned to it.
 */
public final class Scratch implements AutoCloseable {
  private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
      .initialSize(0)
      .overallocationLimit(0.1)
      .policyAllocation(AllocationPolicy.OVERALLOCATE)
      .policyLearning(LearningPolicy.FIRST_LOOP)
      .policyReset(ResetPolicy.BLOCK_LEFT)
      .policySpill(SpillPolicy.REALLOCATE)
      .build();
  private static final Scratch NONE = new Scratch(null);

  private final MemoryWorkspace workspace;

  private Scratch(MemoryWorkspace workspace) {
    this.workspace = workspace;
  }

  /**
   * Opens the scope {@code id} on this thread; re-entering a scope that is already open (a
   * prediction inside a prediction) keeps the outer one.
   *
   * @param id the scope's id
   * @return the scope, to close
   */
  public static Scratch open(String id) {
    if (Nd4j.getWorkspaceManager().checkIfWorkspaceExistsAndActive(id)) {
      return NONE;
    }
    return new Scratch(Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, id));
  }

  /**
   * {@code a} itself if it lives outside every scratch scope, else a copy that does.
   *
   * @param a the array
   * @return an array that outlives the scratch scopes
   */
  public static INDArray keep(INDArray a) {
    return a != null && a.isAttached() ? a.detach() : a;
  }

  /** {@return a scope in which new arrays are ordinary ones, for state created lazily during a step} */
  public static MemoryWorkspace outside() {
    return Nd4j.getWorkspaceManager().scopeOutOfWorkspaces();
  }

  @Override
  public void close() {
    if (workspace != null) {
      workspace.close();
    }
  }
}

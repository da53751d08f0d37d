package org.jeras.core.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jeras.core.graph.OpGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An {@link OpGraph} with static shapes compiled for execution: its ops in topological order, each
 * lowered by its {@link PlanKernel} onto preallocated buffers. Running it copies the inputs into
 * the frame's input buffers, runs the steps and returns copies of the outputs; no tape, no graph
 * walk, no per-call buffer allocation besides those copies.
 *
 * <p>Variables are read by reference: the frame holds each variable's own array, so in-place
 * weight updates are seen by the next run. Thread-safe: each run takes a frame (buffers and bound
 * steps) from a pool, or builds one when all are in use, and returns it afterwards.
 */
public final class InferencePlan {
  private final OpGraph graph;
  /** Idle frames; a run takes one or builds one when all are in use, and returns it afterwards. */
  private final ConcurrentLinkedQueue<Frame> frames = new ConcurrentLinkedQueue<>();

  /** One set of buffers with the steps bound to them; used by one thread at a time. */
  private static final class Frame {
    final INDArray[] inputs;
    final Step[] steps;
    final INDArray[] outputs;

    Frame(INDArray[] inputs, Step[] steps, INDArray[] outputs) {
      this.inputs = inputs;
      this.steps = steps;
      this.outputs = outputs;
    }
  }

  private InferencePlan(OpGraph graph) {
    this.graph = graph;
  }

  /**
   * Compiles {@code graph}, whose every value shape must be static (as {@link
   * org.jeras.core.graph.Tracer#traceOnce} records it); throws {@link Unplannable} naming the
   * first op without a plan kernel for its attributes, shapes or dtypes.
   *
   * @param graph the traced graph
   * @return the plan
   */
  public static InferencePlan compile(OpGraph graph) {
    for (OpGraph.Node n : graph.nodes()) {
      if (PlanKernels.get(n.op().name()) == null) {
        throw new Unplannable(n.op().name(), n.layerPath(), "no plan kernel");
      }
    }
    for (OpGraph.Input in : graph.inputs()) {
      for (long d : in.value().shape()) {
        if (d < 0) {
          throw new IllegalArgumentException("A plan needs static shapes; input " + in.name() + " has shape "
              + Arrays.toString(in.value().shape()));
        }
      }
    }
    InferencePlan plan = new InferencePlan(graph);
    // The frame is built now, so every kernel has accepted its node before the plan is used.
    plan.frames.add(plan.newFrame());
    return plan;
  }

  /** {@return the op names that have a plan kernel} */
  public static java.util.Set<String> supportedOps() {
    return PlanKernels.supported();
  }

  /** {@return the graph this plan runs} */
  public OpGraph graph() {
    return graph;
  }

  /**
   * Runs the plan on {@code inputs} (shapes as the graph's inputs; any dtype, converted as the
   * traced call converted them) and returns fresh arrays with the outputs.
   *
   * @param inputs the inputs
   * @return the outputs
   */
  public List<INDArray> run(List<INDArray> inputs) {
    if (inputs.size() != graph.inputs().size()) {
      throw new IllegalArgumentException("The plan takes " + graph.inputs().size() + " inputs, got " + inputs.size());
    }
    Frame f = frames.poll();
    if (f == null) {
      f = newFrame();
    }
    try {
      for (int i = 0; i < f.inputs.length; i++) {
        INDArray x = inputs.get(i);
        if (!Arrays.equals(x.shape(), f.inputs[i].shape())) {
          throw new IllegalArgumentException("Input " + i + " has shape " + Arrays.toString(x.shape())
              + " but the plan was compiled for " + Arrays.toString(f.inputs[i].shape()));
        }
        f.inputs[i].assign(x);
      }
      for (Step s : f.steps) {
        s.run();
      }
      List<INDArray> out = new ArrayList<>(f.outputs.length);
      for (INDArray o : f.outputs) {
        out.add(o.dup('c'));
      }
      return out;
    } finally {
      frames.offer(f);
    }
  }

  private Frame newFrame() {
    Map<Integer, INDArray> arrays = new HashMap<>();
    INDArray[] inputs = new INDArray[graph.inputs().size()];
    for (int i = 0; i < inputs.length; i++) {
      OpGraph.Value v = graph.inputs().get(i).value();
      inputs[i] = Nd4j.createUninitialized(v.dtype().nd4j(), v.shape());
      arrays.put(v.id(), inputs[i]);
    }
    for (OpGraph.Constant c : graph.constants()) {
      arrays.put(c.value().id(), c.variable() != null ? c.variable().array() : c.literal());
    }
    List<Step> steps = new ArrayList<>();
    for (OpGraph.Node n : graph.nodes()) {
      int[] ids = n.inputs();
      INDArray[] in = new INDArray[ids.length];
      for (int i = 0; i < ids.length; i++) {
        in[i] = ids[i] < 0 ? null : arrays.get(ids[i]);
      }
      Binding b = new Binding(n, in);
      Step s;
      try {
        s = PlanKernels.get(n.op().name()).bind(b);
      } catch (ClassCastException | IllegalArgumentException | IllegalStateException e) {
        // An attribute or shape the kernel does not expect: the model runs eagerly, with the reason logged.
        throw b.unplannable("kernel rejected " + n.op() + ": " + e);
      }
      if (s != null) {
        steps.add(s);
      }
      INDArray result = b.result();
      if (result == null || !Arrays.equals(result.shape(), n.output().shape())) {
        throw b.unplannable("kernel gave no output of shape " + Arrays.toString(n.output().shape()));
      }
      arrays.put(n.output().id(), result);
    }
    INDArray[] outputs = new INDArray[graph.outputs().size()];
    for (int i = 0; i < outputs.length; i++) {
      outputs[i] = arrays.get(graph.outputs().get(i).id());
    }
    return new Frame(inputs, steps.toArray(new Step[0]), outputs);
  }
}

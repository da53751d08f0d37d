package org.jeras.core.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jeras.core.graph.OpGraph;
import org.jeras.core.graph.TensorSpec;
import org.jeras.core.graph.TraceException;
import org.jeras.core.graph.Tracer;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model's compiled inference plans, one per input signature (every input's shape, batch
 * included, and dtype). The first call with a signature traces the inference function on that
 * input ({@link Tracer#traceOnce}) and compiles the graph; a function that cannot be traced, or a
 * graph with an op lacking a plan kernel, is remembered as eager for that signature and logged at
 * debug level naming the op and layer. {@link #invalidate} forgets everything (the model's
 * structure changed); weights need no recompiling since plans read variables by reference.
 *
 * <p>On by default; the system property {@code jeras.plan=false} (read on every call) turns it
 * off, {@link #setEnabled} decides per model.
 */
public final class PlanCache {
  private static final Logger LOG = LoggerFactory.getLogger(PlanCache.class);
  /** Signatures kept per model; beyond that new signatures run eagerly (a predict over many sizes). */
  static final int MAX_SIGNATURES = 8;

  private final java.util.function.Supplier<String> owner;
  private final ConcurrentHashMap<Key, Entry> plans = new ConcurrentHashMap<>();
  /** This model's own switch; null follows {@link #enabled()}. */
  private volatile Boolean on;

  /** A signature's plan, or why it runs eagerly. */
  private record Entry(InferencePlan plan, String eagerReason) {}

  /**
   * A cache for the model whose name {@code owner} gives (for log messages).
   *
   * @param owner the model's name
   */
  public PlanCache(java.util.function.Supplier<String> owner) {
    this.owner = owner;
  }

  private record Key(long[][] shapes, DataType[] dtypes) {
    static Key of(List<INDArray> xs) {
      long[][] s = new long[xs.size()][];
      DataType[] d = new DataType[xs.size()];
      for (int i = 0; i < s.length; i++) {
        s[i] = xs.get(i).shape();
        d[i] = xs.get(i).dataType();
      }
      return new Key(s, d);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.deepEquals(shapes, k.shapes) && Arrays.equals(dtypes, k.dtypes);
    }

    @Override
    public int hashCode() {
      return Arrays.deepHashCode(shapes) * 31 + Arrays.hashCode(dtypes);
    }
  }

  /** {@return whether plans are on for models without their own setting: unless {@code jeras.plan=false}} */
  public static boolean enabled() {
    return !"false".equalsIgnoreCase(System.getProperty("jeras.plan"));
  }

  /**
   * Turns this model's plans on or off, whatever {@code jeras.plan} says.
   *
   * @param enabled whether to use plans
   */
  public void setEnabled(boolean enabled) {
    on = enabled;
  }

  /**
   * The outputs of {@code fn} (the model's inference call) on {@code xs} through the plan for
   * their signature, compiling it on first use; empty when this signature runs eagerly.
   *
   * @param xs the inputs
   * @param fn the eager inference call
   * @return the outputs, or empty to run eagerly
   */
  public Optional<List<INDArray>> run(List<INDArray> xs, Function<List<Tensor>, List<Tensor>> fn) {
    Boolean own = on;
    if (!(own != null ? own : enabled()) || Tracer.isActive()) {
      return Optional.empty();
    }
    Key key = Key.of(xs);
    Entry e = plans.get(key);
    if (e == null) {
      if (plans.size() >= MAX_SIGNATURES) {
        return Optional.empty();
      }
      e = plans.computeIfAbsent(key, k -> compile(xs, fn));
    }
    return e.plan == null ? Optional.empty() : Optional.of(e.plan.run(xs));
  }

  /**
   * Whether the signature of {@code xs} has a compiled plan (false if not yet seen or eager).
   *
   * @param xs the inputs
   * @return whether a plan exists
   */
  public boolean isPlanned(List<INDArray> xs) {
    Entry e = plans.get(Key.of(xs));
    return e != null && e.plan != null;
  }

  /**
   * The compiled plan for the signature of {@code xs}, if any.
   *
   * @param xs the inputs
   * @return the plan
   */
  public Optional<InferencePlan> plan(List<INDArray> xs) {
    Entry e = plans.get(Key.of(xs));
    return e == null ? Optional.empty() : Optional.ofNullable(e.plan);
  }

  /**
   * Why the signature of {@code xs} runs eagerly (the op and layer without a plan), or null.
   *
   * @param xs the inputs
   * @return the reason, or null
   */
  public String eagerReason(List<INDArray> xs) {
    Entry e = plans.get(Key.of(xs));
    return e == null ? null : e.eagerReason;
  }

  /** Forgets every plan: the next call per signature traces and compiles again. */
  public void invalidate() {
    plans.clear();
  }

  /**
   * Runs a fresh plan once on the inputs it was traced with and compares it with the traced eager
   * outputs (|plan - eager| <= 1e-5 + 1e-5 |eager|): a kernel that fails or disagrees makes the
   * signature eager instead of giving wrong or no predictions. Returns the problem, or null.
   */
  private static String selfCheck(InferencePlan plan, List<INDArray> xs, List<INDArray> eager) {
    List<INDArray> got;
    try {
      got = plan.run(xs);
    } catch (RuntimeException e) {
      return "the plan failed on its first run: " + e.getMessage();
    }
    for (int i = 0; i < got.size(); i++) {
      if (eager.get(i).length() == 0 && got.get(i).length() == 0) {
        continue;
      }
      INDArray e = eager.get(i).castTo(DataType.DOUBLE);
      INDArray g = got.get(i).castTo(DataType.DOUBLE);
      if (!Arrays.equals(e.shape(), g.shape())) {
        return "the plan's output " + i + " has shape " + Arrays.toString(g.shape()) + ", eager "
            + Arrays.toString(e.shape());
      }
      double worst = org.nd4j.linalg.ops.transforms.Transforms.abs(e.sub(g))
          .subi(org.nd4j.linalg.ops.transforms.Transforms.abs(e).muli(1e-5)).maxNumber().doubleValue();
      if (!(worst <= 1e-5)) {
        return "the plan's output " + i + " differs from eager by " + worst + " (beyond 1e-5 + 1e-5|eager|)";
      }
    }
    return null;
  }

  private Entry compile(List<INDArray> xs, Function<List<Tensor>, List<Tensor>> fn) {
    for (INDArray x : xs) {
      if (x.dataType() == DataType.UTF8) {
        // A plan copies its inputs with ND4J, which re-encodes non-ASCII strings wrongly, and the
        // text layers compute in Java anyway: models fed strings run eagerly.
        return new Entry(null, "string inputs run eagerly");
      }
    }
    List<TensorSpec> sig = new ArrayList<>();
    for (int i = 0; i < xs.size(); i++) {
      sig.add(new TensorSpec("args_" + i, xs.get(i).shape(), DType.of(xs.get(i).dataType())));
    }
    try {
      List<INDArray> eager = new ArrayList<>();
      OpGraph graph = Tracer.traceOnce(sig, in -> {
        List<Tensor> r = fn.apply(in);
        for (Tensor t : r) {
          eager.add(t == null ? null : t.value().dup());
        }
        return r;
      }, xs);
      InferencePlan plan = InferencePlan.compile(graph);
      String mismatch = selfCheck(plan, xs, eager);
      if (mismatch != null) {
        LOG.debug("Model '{}' runs eagerly for {}: {}", owner.get(), sig, mismatch);
        return new Entry(null, mismatch);
      }
      LOG.debug("Model '{}': compiled an inference plan of {} ops for {}", owner.get(), graph.nodes().size(), sig);
      return new Entry(plan, null);
    } catch (Unplannable e) {
      LOG.debug("Model '{}' runs eagerly for {}: no plan for {}", owner.get(), sig, e.getMessage());
      return new Entry(null, "no plan for " + e.getMessage());
    } catch (TraceException e) {
      LOG.debug("Model '{}' runs eagerly for {}: not traceable: {}", owner.get(), sig, e.getMessage());
      return new Entry(null, "not traceable: " + e.getMessage());
    }
  }
}

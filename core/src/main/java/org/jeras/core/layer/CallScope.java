package org.jeras.core.layer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jeras.core.tensor.Scratch;
import org.jeras.core.tensor.Tensor;

/**
 * The losses of one outermost concrete layer call (Keras's {@code CallContext} and its entry
 * layer), collected per layer on the calling thread so that threads sharing a model never write
 * into the same list.
 *
 * <p>When the entry call ends, the losses of every layer below the entry layer are published to
 * the layers as immutable lists of copies that live outside every {@link Scratch} scope (what
 * another thread reads with {@code layer.losses()}), and the live tensors, which still carry the
 * gradient tape's nodes, stay with the calling thread until its next entry call (what the
 * training step that made the call reads).
 */
final class CallScope {
  private static final ThreadLocal<CallScope> CURRENT = new ThreadLocal<>();
  private static final ThreadLocal<CallScope> LAST = new ThreadLocal<>();

  private Map<Layer, List<Tensor>> losses = new IdentityHashMap<>();
  /** The copies published at the end of the call, outside every scratch scope. */
  private Map<Layer, List<Tensor>> kept;
  /**
   * The entry layer and every layer below it: the layers whose losses this call replaces (Keras
   * clears them when the entry call starts).
   */
  private final Set<Layer> covered;
  private final boolean publishes;
  private CallScope outer;

  private CallScope(boolean publishes, Set<Layer> covered) {
    this.publishes = publishes;
    this.covered = covered;
  }

  /**
   * Opens a scope for a call of {@code entry} when no call is running on this thread; returns
   * null inside a running call (nested layers add to the entry call's scope).
   */
  static CallScope enter(Layer entry) {
    if (CURRENT.get() != null) {
      return null;
    }
    Set<Layer> all = Collections.newSetFromMap(new IdentityHashMap<>());
    collect(entry, all);
    CallScope s = new CallScope(true, all);
    CURRENT.set(s);
    return s;
  }

  /**
   * Opens a scope whose losses are dropped (calls on dummy inputs made to learn output shapes),
   * whether or not a call is running; {@link #close} restores the running one.
   */
  static CallScope enterDiscarding() {
    CallScope s = new CallScope(false, Set.of());
    s.outer = CURRENT.get();
    CURRENT.set(s);
    return s;
  }

  /** Adds a loss of {@code layer} to the running call; outside any call it is published alone. */
  static void addLoss(Layer layer, Tensor loss) {
    CallScope s = CURRENT.get();
    if (s == null) {
      layer.publishCallLosses(List.of(keep(loss)));
      return;
    }
    s.losses.computeIfAbsent(layer, k -> new ArrayList<>()).add(loss);
  }

  /** Ends the scope: an entry scope publishes its losses and becomes this thread's last call. */
  void close() {
    CURRENT.set(outer);
    if (!publishes) {
      return;
    }
    kept = new IdentityHashMap<>();
    for (Layer l : covered) {
      List<Tensor> own = losses.getOrDefault(l, List.of());
      List<Tensor> copies = new ArrayList<>(own.size());
      for (Tensor t : own) {
        copies.add(keep(t));
      }
      copies = List.copyOf(copies);
      kept.put(l, copies);
      l.publishCallLosses(copies);
    }
    LAST.set(this);
  }

  private static void collect(Layer l, Set<Layer> into) {
    if (into.add(l)) {
      for (Layer s : l.sublayers()) {
        collect(s, into);
      }
    }
  }

  private static Tensor keep(Tensor t) {
    return t.value().isAttached() ? Tensor.of(Scratch.keep(t.value())) : t;
  }

  /**
   * The losses {@code layer} added in the running call or, failing that, in this thread's last
   * call that covered it; null when neither did (the published list then answers).
   */
  static List<Tensor> ownLosses(Layer layer) {
    CallScope s = CURRENT.get();
    if (s != null && s.covered.contains(layer)) {
      return s.losses.getOrDefault(layer, List.of());
    }
    CallScope last = LAST.get();
    if (last != null && last.covered.contains(layer)) {
      return last.losses.getOrDefault(layer, List.of());
    }
    return null;
  }

  /** Copies this thread's last call's losses out of the {@link Scratch} scope that is closing. */
  static void keepLast() {
    CallScope last = LAST.get();
    if (last != null && last.kept != null) {
      last.losses = last.kept;
    }
  }
}

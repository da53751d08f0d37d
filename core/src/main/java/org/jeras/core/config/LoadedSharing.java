package org.jeras.core.config;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers, weakly and by identity, whether an object read from a file came only from dicts that
 * carried a {@code shared_object_id}. Keras's files hold such ids even where the object's other
 * dicts are not written (a functional model's own dtype policy), so saving the object again marks
 * its first dict too, and the file keeps its ids.
 */
final class LoadedSharing {
  private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();
  private static final Map<Ref, Boolean> ONLY_UNDER_ID = new HashMap<>();

  private LoadedSharing() {}

  /** Records that {@code o} was read from a dict with ({@code underId}) or without a shared id. */
  static synchronized void note(Object o, boolean underId) {
    purge();
    ONLY_UNDER_ID.merge(new Ref(o, QUEUE), underId, Boolean::logicalAnd);
  }

  /** Whether {@code o} was read from files, always under a shared id. */
  static synchronized boolean onlyUnderId(Object o) {
    purge();
    return ONLY_UNDER_ID.getOrDefault(new Ref(o, null), false);
  }

  private static void purge() {
    for (Reference<?> r; (r = QUEUE.poll()) != null; ) {
      ONLY_UNDER_ID.remove(r);
    }
  }

  private static final class Ref extends WeakReference<Object> {
    private final int hash;

    Ref(Object o, ReferenceQueue<Object> queue) {
      super(o, queue);
      this.hash = System.identityHashCode(o);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (this == other) {
        return true;
      }
      Object mine = get();
      return other instanceof Ref r && mine != null && mine == r.get();
    }
  }
}

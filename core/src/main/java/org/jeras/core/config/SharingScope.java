package org.jeras.core.config;

import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Keras's object-sharing scope, open while a model is saved or loaded: an object serialized more
 * than once (e.g. the dtype policy most layers share) gets the same {@code shared_object_id} in
 * every dict, and dicts with the same id deserialize to one object, so a load-then-save keeps the
 * sharing of the original file.
 */
public final class SharingScope implements AutoCloseable {
  private static final ThreadLocal<SharingScope> ACTIVE = new ThreadLocal<>();

  private final SharingScope outer;
  private final Map<Object, JsonObject> serialized = new IdentityHashMap<>();
  private final Map<Object, Long> ids = new IdentityHashMap<>();
  private final Map<Long, Object> deserialized = new HashMap<>();
  private long nextId = 140_000_000_000_000L;

  private SharingScope() {
    this.outer = ACTIVE.get();
  }

  /** Opens a scope on this thread; nested scopes share the outermost one's bookkeeping. */
  public static SharingScope open() {
    SharingScope s = new SharingScope();
    ACTIVE.set(s.outer == null ? s : s.outer);
    return s;
  }

  static SharingScope active() {
    return ACTIVE.get();
  }

  /** Records that {@code obj} was serialized as {@code dict}; a repeat marks both dicts with one id. */
  void recordSerialized(Object obj, JsonObject dict) {
    JsonObject first = serialized.putIfAbsent(obj, dict);
    if (first != null) {
      long id = ids.computeIfAbsent(obj, o -> nextId++);
      first.addProperty("shared_object_id", id);
      dict.addProperty("shared_object_id", id);
    }
  }

  /** The object already deserialized for {@code id} in this scope, or null. */
  Object sharedObject(long id) {
    return deserialized.get(id);
  }

  void recordDeserialized(long id, Object obj) {
    deserialized.putIfAbsent(id, obj);
  }

  @Override
  public void close() {
    ACTIVE.set(outer);
  }
}

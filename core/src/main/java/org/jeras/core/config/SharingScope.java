package org.jeras.core.config;

import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Keras's object-sharing scope, open while a model is saved or loaded: an object serialized more
 * than once (e.g. the dtype policy most layers share) gets one {@code shared_object_id} in every
 * dict after the first, and dicts with the same id deserialize to one object, so a load-then-save keeps the
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

  /**
   * Opens a scope on this thread; nested scopes share the outermost one's bookkeeping.
   *
   * @return the scope, to close
   */
  public static SharingScope open() {
    SharingScope s = new SharingScope();
    ACTIVE.set(s.outer == null ? s : s.outer);
    return s;
  }

  /**
   * Suspends this thread's open scope until the returned handle is closed: meanwhile objects are
   * serialized without shared ids and deserialized as fresh objects, none of them recorded. For a
   * layer that copies another through its config (Keras's {@code Bidirectional}), which Keras does
   * outside any sharing, so the copy's ids neither take nor clash with a file's.
   *
   * @return the handle, to close
   */
  public static SharingScope suspend() {
    SharingScope s = new SharingScope();
    ACTIVE.remove();
    return s;
  }

  static SharingScope active() {
    return ACTIVE.get();
  }

  /**
   * Records that {@code obj} was serialized as {@code dict}. As in Keras's files, a repeat carries
   * the object's id but the first dict does not (Keras copies it before the repeat marks it),
   * unless the object was read from a file where it always carried one.
   */
  void recordSerialized(Object obj, JsonObject dict) {
    JsonObject first = serialized.putIfAbsent(obj, dict);
    if (first != null || LoadedSharing.onlyUnderId(obj)) {
      dict.addProperty("shared_object_id", ids.computeIfAbsent(obj, o -> nextId++));
    }
  }

  /** The object already deserialized for {@code id} in this scope, or null. */
  Object sharedObject(long id) {
    return deserialized.get(id);
  }

  void recordDeserialized(long id, Object obj) {
    deserialized.putIfAbsent(id, obj);
  }

  /** Records whether {@code obj} was read from a dict that carried a shared id (see {@link LoadedSharing}). */
  void noteLoaded(Object obj, boolean underId) {
    LoadedSharing.note(obj, underId);
  }

  @Override
  public void close() {
    if (outer == null) {
      ACTIVE.remove();
    } else {
      ACTIVE.set(outer);
    }
  }
}

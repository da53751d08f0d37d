package org.jeras.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.jeras.core.layer.DTypePolicy;
import org.junit.jupiter.api.Test;

/**
 * Keras's files carry a {@code shared_object_id} on every dict of a shared object but the first
 * (Keras copies that one before the repeat marks it), and on objects whose other dicts are not
 * written at all; saving keeps both patterns.
 */
class SharingScopeTest {
  static final String POLICY = "{\"module\": \"keras\", \"class_name\": \"DTypePolicy\", "
      + "\"config\": {\"name\": \"float32\"}, \"registered_name\": null";

  private static JsonObject dict(Long id) {
    return JsonParser.parseString(POLICY + (id == null ? "" : ", \"shared_object_id\": " + id) + "}").getAsJsonObject();
  }

  private static JsonObject save(Object o) {
    return Serialization.serialize((KerasObject) o).getAsJsonObject();
  }

  @Test
  void repeatsCarryOneIdAndTheFirstDictNone() {
    DTypePolicy p = new DTypePolicy("float32");
    try (SharingScope s = SharingScope.open()) {
      JsonObject first = save(p);
      JsonObject second = save(p);
      JsonObject third = save(p);
      assertFalse(first.has("shared_object_id"));
      assertTrue(second.has("shared_object_id"));
      assertEquals(second.get("shared_object_id"), third.get("shared_object_id"));
      assertFalse(save(new DTypePolicy("float32")).has("shared_object_id"), "another object is not shared");
    }
    assertFalse(save(p).has("shared_object_id"), "no scope, no ids");
  }

  @Test
  void dictsWithOneIdLoadAsOneObjectThatKeepsItsIdWhenSaved() {
    DTypePolicy a;
    DTypePolicy b;
    DTypePolicy plain;
    try (SharingScope s = SharingScope.open()) {
      a = Serialization.deserialize(dict(7L), DTypePolicy.class);
      b = Serialization.deserialize(dict(7L), DTypePolicy.class);
      plain = Serialization.deserialize(dict(null), DTypePolicy.class);
    }
    assertSame(a, b);
    try (SharingScope s = SharingScope.open()) {
      assertTrue(save(a).has("shared_object_id"), "a lone dict of a shared object keeps its id");
      assertFalse(save(plain).has("shared_object_id"));
    }
  }

  @Test
  void anObjectAlsoReadWithoutAnIdSavesItsFirstDictWithout() {
    DTypePolicy p;
    try (SharingScope s = SharingScope.open()) {
      p = Serialization.deserialize(dict(9L), DTypePolicy.class);
    }
    LoadedSharing.note(p, false);
    try (SharingScope s = SharingScope.open()) {
      assertFalse(save(p).has("shared_object_id"));
      assertTrue(save(p).has("shared_object_id"));
    }
  }
}

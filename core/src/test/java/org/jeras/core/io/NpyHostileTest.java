package org.jeras.core.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jeras.core.config.ConfigException;
import org.jeras.core.testing.CraftedZip;
import org.jeras.core.testing.CraftedZip.Member;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed {@code .npy} members of an {@code .npz} fail with one-line typed errors naming the member. */
class NpyHostileTest {
  @TempDir
  Path tmp;

  /** A version-1 {@code .npy} with {@code header} and {@code dataBytes} zero bytes of data. */
  static byte[] npy(String header, int dataBytes) {
    byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer b = ByteBuffer.allocate(10 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) h.length).put(h);
    return b.array();
  }

  private ConfigException refused(byte[] member) throws Exception {
    Path p = CraftedZip.write(tmp.resolve("in.npz"), List.of(Member.stored("x.npy", member)));
    ConfigException e = assertThrows(ConfigException.class, () -> Npz.read(p));
    assertTrue(e.getMessage().contains("in.npz:x.npy"), e.getMessage());
    assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
    return e;
  }

  private static void contains(ConfigException e, String part) {
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }

  @Test
  void negativeAndNonNumericDimensions() throws Exception {
    contains(refused(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (-1, 8), }\n", 64)), "invalid dimension -1");
    contains(refused(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4, x), }\n", 64)), "non-numeric dimension 'x'");
    contains(refused(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999, 8), }\n", 64)),
        "invalid dimension 99999999999");
  }

  @Test
  void unknownDtypes() throws Exception {
    contains(refused(npy("{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }\n", 64)), "unsupported .npy dtype '<c8'");
    contains(refused(npy("{'descr': '', 'fortran_order': False, 'shape': (2,), }\n", 64)), "malformed .npy header");
    contains(refused(npy("{'descr': 'f', 'fortran_order': False, 'shape': (2,), }\n", 64)), "unsupported .npy dtype 'f'");
  }

  @Test
  void headerLengthBeyondTheMember() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f});
    b.write("{'descr': '<f4', 'shape': (1,), }".getBytes(StandardCharsets.ISO_8859_1));
    contains(refused(b.toByteArray()), "truncated .npy header (declares 2147483647 bytes");
    byte[] v1 = npy("{}", 0);
    contains(refused(java.util.Arrays.copyOf(v1, 10)), "truncated .npy header (declares 2 bytes, 0 follow)");
  }

  @Test
  void dataShorterThanDeclared() throws Exception {
    contains(refused(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4, 8), }\n", 100)),
        "declares shape [4, 8] of <f4 but holds only 100 data bytes");
    contains(refused(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2147483647, 2147483647, 8), }\n", 8)),
        "but holds only 8 data bytes");
  }

  @Test
  void controlCharactersInTheHeaderAreEscaped() throws Exception {
    ConfigException e = refused(npy("{'descr': '<f4\u001b[31m\r\n', 'shape': (1,), 'fortran_order': False}", 4));
    assertTrue(!e.getMessage().contains("\u001b") && !e.getMessage().contains("\r"), e.getMessage());
    contains(e, "\\u001b[31m\\r\\n");
  }

  @Test
  void validMembersStillRead() throws Exception {
    Path p = CraftedZip.write(tmp.resolve("ok.npz"), List.of(
        Member.deflated("x.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }\n", 24)),
        Member.stored("n.npy", npy("{'descr': '<i8', 'fortran_order': False, 'shape': (0, 5), }\n", 0))));
    var arrays = Npz.read(p);
    assertTrue(arrays.get("x").equalShapes(org.nd4j.linalg.factory.Nd4j.zeros(2, 3)), arrays.toString());
    assertTrue(arrays.get("n").length() == 0, arrays.toString());
  }
}

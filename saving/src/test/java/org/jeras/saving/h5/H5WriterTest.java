package org.jeras.saving.h5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jeras.core.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Files written by {@link H5Writer} read back exactly like the Keras files they reproduce. */
class H5WriterTest {
  @TempDir
  Path tmp;

  static byte[] bytes(H5Writer w) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    w.writeTo(out);
    return out.toByteArray();
  }

  @Test
  void writesEveryDtypeScalarsAndEmptyDatasets() throws IOException {
    H5Writer w = new H5Writer();
    w.root().createGroup("vars").putAttribute("name", "m\u00e9t\u00e9o");
    w.root().createGroup("layers/a/vars");
    H5Writer.Group g = w.root().requireGroup("layers/a/vars");
    g.putDataset("f32", Nd4j.createFromArray(new float[][] {{1.5f, -2f}, {Float.MIN_VALUE, Float.MAX_VALUE}}));
    g.putDataset("f64", Nd4j.createFromArray(Math.PI, -0.0, 1e-300));
    g.putDataset("i32", Nd4j.scalar(7));
    g.putDataset("i64", Nd4j.createFromArray(Long.MIN_VALUE, Long.MAX_VALUE));
    g.putDataset("i8", Nd4j.createFromArray((byte) -3, (byte) 4));
    g.putDataset("i16", Nd4j.createFromArray((short) -300, (short) 300));
    g.putDataset("u8", Nd4j.createFromArray(new int[] {0, 255}).castTo(DataType.UBYTE));
    g.putDataset("b", Nd4j.createFromArray(true, false, true));
    g.putDataset("empty", Nd4j.create(DataType.FLOAT, 0, 3));
    g.putDataset("nested/x", Nd4j.scalar(2.5f));
    w.root().createGroup("caf\u00e9/vars").putDataset("x", Nd4j.scalar(1.0));
    w.root().createGroup("n".repeat(300)).putAttribute("name", "long");
    for (int i = 0; i < 12; i++) {
      w.root().requireGroup("many/vars").putDataset(Integer.toString(i), Nd4j.scalar((float) i));
    }
    Path out = tmp.resolve("all.h5");
    Files.write(out, bytes(w));
    try (H5Reader r = H5Reader.open(out)) {
      assertEquals("m\u00e9t\u00e9o", r.attribute("vars", "name").orElseThrow());
      assertEquals(List.of("caf\u00e9", "layers", "many", "n".repeat(300), "vars"), r.keys(""));
      assertEquals(1.0, r.dataset("caf\u00e9/vars/x").getDouble(0));
      assertEquals("long", r.attribute("n".repeat(300), "name").orElseThrow());
      assertEquals(List.of("b", "empty", "f32", "f64", "i16", "i32", "i64", "i8", "nested", "u8"),
          r.keys("layers/a/vars"));
      assertEquals(List.of("0", "1", "10", "11", "2", "3", "4", "5", "6", "7", "8", "9"), r.keys("many/vars"));
      String p = "layers/a/vars/";
      assertEquals(Nd4j.createFromArray(new float[][] {{1.5f, -2f}, {Float.MIN_VALUE, Float.MAX_VALUE}}), r.dataset(p + "f32"));
      assertEquals(Nd4j.createFromArray(Math.PI, -0.0, 1e-300), r.dataset(p + "f64"));
      INDArray scalar = r.dataset(p + "i32");
      assertEquals(0, scalar.rank());
      assertEquals(DataType.INT, scalar.dataType());
      assertEquals(7, scalar.getInt());
      assertEquals(Nd4j.createFromArray(Long.MIN_VALUE, Long.MAX_VALUE), r.dataset(p + "i64"));
      assertEquals(Nd4j.createFromArray((byte) -3, (byte) 4), r.dataset(p + "i8"));
      assertEquals(Nd4j.createFromArray((short) -300, (short) 300), r.dataset(p + "i16"));
      INDArray u8 = r.dataset(p + "u8");
      assertEquals(DataType.UBYTE, u8.dataType());
      assertEquals(255, u8.getInt(1));
      assertEquals(Nd4j.createFromArray(true, false, true), r.dataset(p + "b"));
      assertArrayEquals(new long[] {0, 3}, r.dataset(p + "empty").shape());
      assertEquals(2.5f, r.dataset(p + "nested/x").getFloat(0));
      assertEquals(List.of(), r.keys("layers/a"). stream().filter(k -> !k.equals("vars")).toList());
    }
  }

  @Test
  void duplicateNamesAreErrors() {
    H5Writer w = new H5Writer();
    w.root().createGroup("layers/dense/vars");
    assertThrows(ConfigException.class, () -> w.root().createGroup("layers/dense/vars"));
    H5Writer.Group g = w.root().requireGroup("layers/dense/vars");
    g.putDataset("0", Nd4j.scalar(1f));
    ConfigException e = assertThrows(ConfigException.class, () -> g.putDataset("0", Nd4j.scalar(2f)));
    assertEquals("HDF5 name 'layers/dense/vars/0' already exists", e.getMessage());
    assertThrows(ConfigException.class, () -> g.putDataset("0/x", Nd4j.scalar(2f)));
    assertThrows(ConfigException.class, () -> g.putDataset("a//b", Nd4j.scalar(2f)));
  }
}

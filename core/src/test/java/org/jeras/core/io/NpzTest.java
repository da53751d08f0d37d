package org.jeras.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NpzTest {

  @Test
  void roundTrips() throws Exception {
    Map<String, INDArray> in = new LinkedHashMap<>();
    in.put("x", Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}}));
    in.put("i", Nd4j.createFromArray(new long[] {7, 8}));
    in.put("s", Nd4j.scalar(2.5));
    Path f = Files.createTempFile("jeras", ".npz");
    Npz.write(f, in);
    Map<String, INDArray> out = Npz.read(f);
    assertEquals(in, out);
    Files.delete(f);
  }
}

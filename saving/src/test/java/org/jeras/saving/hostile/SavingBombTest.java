package org.jeras.saving.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jeras.core.testing.ChildJvm;
import org.jeras.core.testing.CraftedZip;
import org.jeras.core.testing.CraftedZip.Member;
import org.jeras.core.testing.LoadInChild;
import org.jeras.saving.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory bombs in {@code .keras} and {@code .weights.h5} files, loaded in a child JVM with
 * {@code -Xmx1g}: each ends as a typed error within seconds and leaves no temporary files.
 */
class SavingBombTest {
  @TempDir
  Path tmp;

  private String loadInChild(Class<?> owner, String method, Path file) throws Exception {
    Path childTmp = Files.createDirectory(tmp.resolve("child-tmp"));
    ChildJvm.Result r = ChildJvm.run(LoadInChild.class, "1g", childTmp, 90, owner.getName(), method, file.toString());
    assertTrue(r.seconds() < 45, "took " + r.seconds() + " s");
    assertEquals(0, r.status(), r.err());
    try (var s = Files.list(childTmp)) {
      assertEquals(0, s.count(), "temporary files left behind");
    }
    // The result is the last line of stdout (libraries may print before it) and the error is one line.
    List<String> lines = r.out().strip().lines().toList();
    String last = lines.get(lines.size() - 1);
    assertTrue(last.startsWith("FAILED org.jeras."), r.out() + r.err());
    return last;
  }

  @Test
  void aGzipChunkDeclaring512BytesThatInflatesTo2GiB() throws Exception {
    Path p = CraftedH5.gzipBomb(tmp.resolve("bomb.weights.h5"), 2048);
    assertTrue(Files.size(p) < (3 << 20), "the bomb file is small: " + Files.size(p));
    String out = loadInChild(HostileLoads.class, "denseWeights", p);
    assertTrue(out.contains("inflates beyond the 512 bytes its chunk shape declares"), out);
  }

  @Test
  void aKerasMemberOf1point9GiBAt63TimesExpansion() throws Exception {
    // 16 KiB of noise and 1 MiB - 16 KiB of zeros deflate about 63:1; 1900 copies declare 1.9 GiB.
    byte[] block = new byte[1 << 20];
    java.util.Random r = new java.util.Random(3);
    for (int i = 0; i < (16 << 10); i++) {
      block[i] = (byte) r.nextInt();
    }
    byte[] weights = CraftedZip.repeatedDeflate(block, 1900);
    long declared = 1900L << 20;
    assertTrue(declared / weights.length > 50 && declared / weights.length < 100, "expansion " + declared / weights.length);
    Path p = CraftedZip.write(tmp.resolve("big.keras"), List.of(
        Member.stored("metadata.json", "{\"keras_version\": \"3.16.0\"}".getBytes()),
        Member.stored("config.json", ("{\"module\": \"keras\", \"class_name\": \"Sequential\", \"config\": "
            + "{\"name\": \"s\", \"layers\": []}, \"registered_name\": null}").getBytes()),
        new Member("model.weights.h5", weights, 8, declared, 0)));
    String out = loadInChild(Models.class, "load", p);
    assertTrue(out.contains("'model.weights.h5'") && out.contains("more than the Java heap"), out);
  }

  @Test
  void aKernelDeclaring1GiBFailsOnItsShapeBeforeItsDataIsRead() throws Exception {
    Path p = CraftedH5.hugeKernel(tmp.resolve("huge.weights.h5"));
    String out = loadInChild(HostileLoads.class, "denseWeights", p);
    assertTrue(out.contains("expected (8, 16), found (16384, 16384)"), out);
  }

  @Test
  void aConfigDeclaringA40GBKernelFailsTyped() throws Exception {
    // A Dense(4) on 8 inputs saved by Jeras, its config then edited to 100000 x 100000 (40 GB of float32).
    org.jeras.core.model.Sequential m = new org.jeras.core.model.Sequential(new org.jeras.layers.core.Dense(4));
    m.apply(org.jeras.core.model.Input.of(8));
    Path small = tmp.resolve("small.keras");
    org.jeras.saving.KerasFile.save(m, small);
    List<Member> members = new java.util.ArrayList<>();
    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(small.toFile())) {
      for (var e : java.util.Collections.list(z.entries())) {
        byte[] data = z.getInputStream(e).readAllBytes();
        if (e.getName().equals("config.json")) {
          String c = new String(data, java.nio.charset.StandardCharsets.UTF_8);
          String edited = c.replace("\"units\": 4", "\"units\": 100000").replace("[null, 8]", "[null, 100000]");
          assertTrue(!edited.equals(c) && edited.contains("100000]"), c);
          data = edited.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        members.add(Member.stored(e.getName(), data));
      }
    }
    Path p = CraftedZip.write(tmp.resolve("huge-config.keras"), members);
    String out = loadInChild(Models.class, "load", p);
    assertTrue(out.contains("/kernel' of shape [100000, 100000] needs 40000000000 bytes")
        && out.contains("jeras.load.maxWeightsExpansion"), out);
  }
}

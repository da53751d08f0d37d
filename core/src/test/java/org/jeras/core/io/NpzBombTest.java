package org.jeras.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jeras.core.testing.ChildJvm;
import org.jeras.core.testing.CraftedZip;
import org.jeras.core.testing.CraftedZip.Member;
import org.jeras.core.testing.LoadInChild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decompression bombs in {@code .npz} files are refused in a 1 GB JVM within seconds, as typed errors. */
class NpzBombTest {
  @TempDir
  Path tmp;

  private ChildJvm.Result readInChild(Path npz) throws Exception {
    Path childTmp = Files.createDirectory(tmp.resolve("child-tmp"));
    ChildJvm.Result r = ChildJvm.run(LoadInChild.class, "1g", childTmp, 60, Npz.class.getName(), "read", npz.toString());
    assertTrue(r.seconds() < 30, "took " + r.seconds() + " s");
    assertEquals(0, r.status(), r.err());
    try (var s = Files.list(childTmp)) {
      assertEquals(0, s.count(), "temporary files left behind");
    }
    List<String> lines = r.out().strip().lines().toList();
    return new ChildJvm.Result(r.status(), lines.get(lines.size() - 1), r.err(), r.seconds());
  }

  @Test
  void aSmallNpzInflatingToGigabytesIsRefusedBeforeInflating() throws Exception {
    // 1.5 MB of deflate data that inflates to 1.5 GiB, declared honestly.
    byte[] data = CraftedZip.repeatedDeflate(new byte[1 << 20], 1536);
    Path npz = CraftedZip.write(tmp.resolve("bomb.npz"), List.of(new Member("x.npy", data, 8, 1536L << 20, 0)));
    ChildJvm.Result r = readInChild(npz);
    assertTrue(r.out().startsWith("FAILED org.jeras.core.config.ConfigException ") && r.out().contains("'" + npz + ":x.npy'")
        && r.out().contains("decompression bomb"), r.out() + r.err());
  }

  @Test
  void aMemberInflatingBeyondItsDeclaredSizeIsCutAtThatSize() throws Exception {
    // Declares 1000 bytes, inflates to 1 GiB: reading stops after the declared size.
    byte[] data = CraftedZip.repeatedDeflate(new byte[1 << 20], 1024);
    Path npz = CraftedZip.write(tmp.resolve("liar.npz"), List.of(new Member("x.npy", data, 8, 1000, 0)));
    ChildJvm.Result r = readInChild(npz);
    assertTrue(r.out().startsWith("FAILED org.jeras.core.config.ConfigException ")
        && r.out().contains("holds more than its declared 1000 bytes"), r.out() + r.err());
  }
}

package org.jeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jeras.conformance.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One small member of every keras.applications family, saved by real Keras with low-entropy
 * weights so the files stay small in git (resources {@code applications/}, from
 * {@code gen_applications_ci.py}, re-zipped deflated): each passes {@link ApplicationChecks#check}.
 */
class ApplicationsFilesTest {
  /**
   * The committed members, one per family (gen_applications_ci.py's CI list less its
   * ILL_CONDITIONED members: ResNet V1, InceptionV3 and InceptionResNetV2 are not covered yet).
   */
  static final List<String> MEMBERS = List.of("convnext_tiny", "densenet121", "efficientnet_b0",
      "efficientnet_v2_b0", "mobilenet_alpha025", "mobilenet_v2_alpha035",
      "mobilenet_v3_small_minimalistic", "nasnet_mobile", "resnet50v2", "vgg16", "xception");

  @TempDir
  Path tmp;

  static Stream<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(Fixtures.dir().resolve("applications"))) {
      return s.filter(p -> p.toString().endsWith(".keras")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void loadsPredictsSavesAndFineTunes(Path keras) throws IOException {
    // The tiled weights deflate up to 170x. Keras's zip-bomb guard takes them (it applies from 4 GiB
    // up); Jeras's default refuses more than 100x from 1 MiB up, so these trusted files raise it.
    String previous = System.setProperty(MAX_EXPANSION, "1000");
    try {
      ApplicationChecks.check(keras, tmp);
    } finally {
      if (previous == null) {
        System.clearProperty(MAX_EXPANSION);
      } else {
        System.setProperty(MAX_EXPANSION, previous);
      }
    }
  }

  private static final String MAX_EXPANSION = "jeras.load.maxExpansion";

  /** Every family keeps its file: a lost one fails here rather than silently shrinking the walk. */
  @Test
  void everyFamilyHasItsFile() throws IOException {
    List<String> found = files().map(p -> p.getFileName().toString().replace(".keras", "")).toList();
    assertEquals(MEMBERS, found);
  }
}

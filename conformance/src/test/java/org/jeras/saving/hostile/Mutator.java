package org.jeras.saving.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jeras.core.testing.CraftedZip;
import org.jeras.core.testing.CraftedZip.Member;

/**
 * Seeded mutations of valid files for the fuzz loop: raw byte edits (bit flips, interesting
 * integers over 1, 2, 4 or 8 bytes, cuts, duplicated and deleted ranges), and for zips the same
 * edits applied to one member before the zip is rebuilt with correct CRCs, so that the mutation
 * reaches the member's parser; JSON members also get numbers and strings swapped for hostile ones.
 */
final class Mutator {
  private static final long[] INTERESTING = {0, 1, -1, 0x7f, 0x80, 0xff, 0x7fff, 0xffff, 0x7fffffffL, 0x80000000L,
      0xffffffffL, Long.MAX_VALUE, Long.MIN_VALUE, 1 << 20, 16};
  private static final String[] JSON_NUMBERS = {"-1", "0", "2147483648", "1e308", "-0.0", "99999999999999999999", "3.5"};
  private static final String[] JSON_STRINGS = {"\"\"", "\"\\u001b[2K\\r\"", "null", "[]", "{}", "\"../../x\"",
      "\"keras.layers\"", "\"Dense\"", "\"float64\"", "true"};
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern STRING = Pattern.compile("\"[^\"\\\\]*\"");

  private Mutator() {}

  /** Byte-level mutations, 1 to 4 of them. */
  static byte[] bytes(byte[] in, Random r) {
    byte[] b = in.clone();
    int edits = 1 + r.nextInt(4);
    for (int e = 0; e < edits && b.length > 8; e++) {
      int at = r.nextInt(b.length);
      switch (r.nextInt(6)) {
        case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
        case 1 -> {
          int width = new int[] {1, 2, 4, 8}[r.nextInt(4)];
          at = Math.min(at, b.length - width);
          ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
          long v = INTERESTING[r.nextInt(INTERESTING.length)];
          switch (width) {
            case 1 -> bb.put(at, (byte) v);
            case 2 -> bb.putShort(at, (short) v);
            case 4 -> bb.putInt(at, (int) v);
            default -> bb.putLong(at, v);
          }
        }
        case 2 -> b = Arrays.copyOf(b, at);
        case 3 -> {
          int len = Math.min(1 + r.nextInt(64), b.length - at);
          int to = r.nextInt(b.length - len + 1);
          System.arraycopy(b.clone(), at, b, to, len);
        }
        case 4 -> {
          int len = Math.min(1 + r.nextInt(64), b.length - at);
          byte[] out = new byte[b.length - len];
          System.arraycopy(b, 0, out, 0, at);
          System.arraycopy(b, at + len, out, at, b.length - at - len);
          b = out;
        }
        default -> b[at] = (byte) r.nextInt(256);
      }
    }
    return b;
  }

  /** Replaces one number or string literal of a JSON text with a hostile one. */
  static byte[] json(byte[] in, Random r) {
    String s = new String(in, StandardCharsets.UTF_8);
    boolean number = r.nextBoolean();
    Matcher m = (number ? NUMBER : STRING).matcher(s);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    if (spans.isEmpty()) {
      return bytes(in, r);
    }
    int[] span = spans.get(r.nextInt(spans.size()));
    String with = number ? JSON_NUMBERS[r.nextInt(JSON_NUMBERS.length)] : JSON_STRINGS[r.nextInt(JSON_STRINGS.length)];
    return (s.substring(0, span[0]) + with + s.substring(span[1])).getBytes(StandardCharsets.UTF_8);
  }

  /** A zip with one member mutated (JSON-aware for {@code .json}), rebuilt with honest sizes and CRCs. */
  static byte[] zipMember(byte[] zip, Random r) throws IOException {
    Map<String, byte[]> members = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        members.put(e.getName(), readAll(in));
      }
    }
    List<String> names = new ArrayList<>(members.keySet());
    String victim = names.get(r.nextInt(names.size()));
    byte[] data = members.get(victim);
    members.put(victim, victim.endsWith(".json") && r.nextInt(3) > 0 ? json(data, r) : bytes(data, r));
    List<Member> out = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : members.entrySet()) {
      out.add(Member.stored(e.getKey(), e.getValue()));
    }
    java.nio.file.Path tmp = java.nio.file.Files.createTempFile("mutant", ".zip");
    try {
      CraftedZip.write(tmp, out);
      return java.nio.file.Files.readAllBytes(tmp);
    } finally {
      java.nio.file.Files.delete(tmp);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }
}

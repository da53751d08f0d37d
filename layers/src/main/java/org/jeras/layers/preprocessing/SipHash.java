package org.jeras.layers.preprocessing;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;

/**
 * SipHash-2-4 keyed by two 64-bit words, the hash TensorFlow's
 * {@code tf.strings.to_hash_bucket_strong} (and so Keras's {@code Hashing} with a {@code salt})
 * applies to the UTF-8 bytes of a string.
 */
final class SipHash {
  private SipHash() {}

  static long hash(long k0, long k1, byte[] m) {
    long[] v = {k0 ^ 0x736f6d6570736575L, k1 ^ 0x646f72616e646f6dL, k0 ^ 0x6c7967656e657261L, k1 ^ 0x7465646279746573L};
    int blocks = m.length / 8;
    for (int i = 0; i < blocks; i++) {
      long w = 0;
      for (int k = 7; k >= 0; k--) {
        w = (w << 8) | (m[i * 8 + k] & 0xffL);
      }
      compress(v, w);
    }
    long last = ((long) m.length & 0xff) << 56;
    for (int k = m.length - 1; k >= blocks * 8; k--) {
      last |= (m[k] & 0xffL) << (8 * (k - blocks * 8));
    }
    compress(v, last);
    v[2] ^= 0xff;
    for (int r = 0; r < 4; r++) {
      round(v);
    }
    return v[0] ^ v[1] ^ v[2] ^ v[3];
  }

  private static void compress(long[] v, long word) {
    v[3] ^= word;
    round(v);
    round(v);
    v[0] ^= word;
  }

  private static void round(long[] v) {
    v[0] += v[1];
    v[1] = Long.rotateLeft(v[1], 13);
    v[1] ^= v[0];
    v[0] = Long.rotateLeft(v[0], 32);
    v[2] += v[3];
    v[3] = Long.rotateLeft(v[3], 16);
    v[3] ^= v[2];
    v[0] += v[3];
    v[3] = Long.rotateLeft(v[3], 21);
    v[3] ^= v[0];
    v[2] += v[1];
    v[1] = Long.rotateLeft(v[1], 17);
    v[1] ^= v[2];
    v[2] = Long.rotateLeft(v[2], 32);
  }

  /** The key from a config's {@code salt}: null, one int (used twice) or two ints. */
  static long[] saltFromConfig(Config c) {
    if (!c.isSet("salt")) {
      return null;
    }
    JsonElement s = c.get("salt");
    if (s.isJsonPrimitive()) {
      return new long[] {Config.toLong("salt", s), Config.toLong("salt", s)};
    }
    int[] two = c.getInts("salt");
    if (two.length != 2) {
      throw new ConfigException("Config key 'salt' must be an int or a list of two ints, got " + s);
    }
    return new long[] {two[0], two[1]};
  }

  /** Writes {@code salt} as Keras does: null or the two ints. */
  static void putSalt(Config c, long[] salt) {
    if (salt == null) {
      c.put("salt", JsonNull.INSTANCE);
    } else {
      c.putInts("salt", (int) salt[0], (int) salt[1]);
    }
  }
}

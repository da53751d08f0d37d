package org.jeras.core.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TFRecord framing: TensorFlow's masked CRC32C and the record layout, with corruption detected. */
class TfRecordsTest {
  @Test
  void maskedCrcMatchesTensorFlow() {
    // CRC32C("123456789") = 0xE3069283 (the standard check value); masked as TensorFlow's crc32c::Mask.
    byte[] data = "123456789".getBytes(StandardCharsets.US_ASCII);
    int crc = 0xE3069283;
    assertEquals(((crc >>> 15) | (crc << 17)) + 0xa282ead8, TfRecords.maskedCrc(data, 0, data.length));
  }

  @Test
  void recordsRoundTripAndCorruptionIsDetected() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TfRecords.write(out, new byte[] {1, 2, 3});
    TfRecords.write(out, new byte[0]);
    byte[] bytes = out.toByteArray();
    assertEquals(12 + 3 + 4 + 12 + 4, bytes.length);
    assertEquals(3, bytes[0]);
    List<byte[]> back = TfRecords.readAll(new ByteArrayInputStream(bytes));
    assertEquals(2, back.size());
    assertArrayEquals(new byte[] {1, 2, 3}, back.get(0));
    bytes[13] ^= 1;
    assertThrows(IOException.class, () -> TfRecords.readAll(new ByteArrayInputStream(bytes)));
  }
}

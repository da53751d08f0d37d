package org.jeras.export;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import org.iq80.leveldb.CompressionType;
import org.iq80.leveldb.Options;
import org.iq80.leveldb.table.BytewiseComparator;
import org.iq80.leveldb.table.FileChannelTable;
import org.iq80.leveldb.table.TableBuilder;
import org.iq80.leveldb.util.PureJavaCrc32C;
import org.iq80.leveldb.util.Slice;
import org.iq80.leveldb.util.TableIterator;
import org.jeras.core.tensor.DType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tensorflow.proto.BundleEntryProto;
import org.tensorflow.proto.BundleHeaderProto;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.VersionDef;

/**
 * A TensorFlow checkpoint in one shard, as {@code tf.train.Checkpoint} writes it: the tensors'
 * bytes back to back in {@code PREFIX.data-00000-of-00001}, and {@code PREFIX.index}, a LevelDB
 * table (written with the iq80 LevelDB library, uncompressed) mapping key {@code ""} to the
 * {@link BundleHeaderProto} and each tensor's key to its {@link BundleEntryProto} (dtype, shape,
 * offset, size and masked CRC32C of its bytes).
 */
final class TfCheckpoint {
  /** The key of the serialized {@code TrackableObjectGraph}, a string scalar. */
  static final String OBJECT_GRAPH_KEY = "_CHECKPOINTABLE_OBJECT_GRAPH";

  private final Map<String, INDArray> tensors = new TreeMap<>();
  private byte[] objectGraph;

  /** Adds the tensor {@code array} under {@code key}. */
  TfCheckpoint add(String key, INDArray array) {
    if (tensors.put(key, array) != null) {
      throw new IllegalArgumentException("Checkpoint key '" + key + "' is written twice");
    }
    return this;
  }

  /** Sets the serialized object graph stored under {@link #OBJECT_GRAPH_KEY}. */
  TfCheckpoint objectGraph(byte[] serialized) {
    this.objectGraph = serialized.clone();
    return this;
  }

  /** Writes {@code prefix.index} and {@code prefix.data-00000-of-00001}. */
  void write(Path prefix) throws IOException {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    // Keys sorted bytewise, as the table requires: "" (the header) sorts first.
    TreeMap<String, byte[]> index = new TreeMap<>();
    index.put("", BundleHeaderProto.newBuilder().setNumShards(1)
        .setEndianness(BundleHeaderProto.Endianness.LITTLE)
        .setVersion(VersionDef.newBuilder().setProducer(1)).build().toByteArray());
    if (objectGraph != null) {
      byte[] bytes = stringTensor(objectGraph);
      index.put(OBJECT_GRAPH_KEY, BundleEntryProto.newBuilder().setDtype(DataType.DT_STRING)
          .setShape(TfTypes.shape(new long[0])).setOffset(data.size()).setSize(bytes.length)
          .setCrc32C(PureJavaCrc32C.mask(stringCrc(objectGraph))).build().toByteArray());
      data.write(bytes);
    }
    for (Map.Entry<String, INDArray> e : tensors.entrySet()) {
      INDArray a = e.getValue();
      byte[] bytes = RawBytes.of(a, e.getKey());
      index.put(e.getKey(), BundleEntryProto.newBuilder().setDtype(TfTypes.dataType(DType.of(a.dataType())))
          .setShape(TfTypes.shape(a.shape())).setOffset(data.size()).setSize(bytes.length)
          .setCrc32C(PureJavaCrc32C.mask(crc(bytes))).build().toByteArray());
      data.write(bytes);
    }
    Files.write(Path.of(prefix + ".data-00000-of-00001"), data.toByteArray());
    Path indexFile = Path.of(prefix + ".index");
    try (FileChannel ch = FileChannel.open(indexFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      TableBuilder table = new TableBuilder(new Options().compressionType(CompressionType.NONE), ch,
          new BytewiseComparator());
      for (Map.Entry<String, byte[]> e : index.entrySet()) {
        table.add(new Slice(e.getKey().getBytes(StandardCharsets.UTF_8)), new Slice(e.getValue()));
      }
      table.finish();
    }
  }

  /**
   * A string scalar's bytes in a bundle: the varint64 length, the masked CRC32C of the length (as a
   * little-endian uint32), then the bytes.
   */
  private static byte[] stringTensor(byte[] s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long len = s.length;
    do {
      int b = (int) (len & 0x7f);
      len >>>= 7;
      out.write(len != 0 ? b | 0x80 : b);
    } while (len != 0);
    byte[] len32 = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(s.length).array();
    int lengthCrc = PureJavaCrc32C.mask(crc(len32));
    out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(lengthCrc).array());
    out.writeBytes(s);
    return out.toByteArray();
  }

  /**
   * The checksum TensorFlow verifies for a string scalar: over its uint32 length, that length's
   * masked checksum, then its bytes.
   */
  private static int stringCrc(byte[] s) {
    byte[] len32 = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(s.length).array();
    byte[] lengthCrc = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(PureJavaCrc32C.mask(crc(len32)))
        .array();
    CRC32C c = new CRC32C();
    c.update(len32);
    c.update(lengthCrc);
    c.update(s);
    return (int) c.getValue();
  }

  /** CRC32C of {@code bytes}, unmasked. */
  private static int crc(byte[] bytes) {
    CRC32C c = new CRC32C();
    c.update(bytes);
    return (int) c.getValue();
  }

  /** One tensor read back: its entry and raw bytes. */
  record Read(BundleEntryProto entry, byte[] bytes) {}

  /** Reads every entry of the checkpoint at {@code prefix} (the header under key ""), for checks. */
  static Map<String, Read> read(Path prefix) throws IOException {
    byte[] data = Files.readAllBytes(Path.of(prefix + ".data-00000-of-00001"));
    Map<String, Read> out = new LinkedHashMap<>();
    try (FileChannel ch = FileChannel.open(Path.of(prefix + ".index"), StandardOpenOption.READ)) {
      FileChannelTable table = new FileChannelTable(prefix + ".index", ch, new BytewiseComparator(), true);
      TableIterator it = table.iterator();
      it.seekToFirst();
      while (it.hasNext()) {
        Map.Entry<Slice, Slice> e = it.next();
        String key = e.getKey().toString(StandardCharsets.UTF_8);
        byte[] value = e.getValue().getBytes();
        if (key.isEmpty()) {
          out.put(key, new Read(null, value));
          continue;
        }
        BundleEntryProto entry;
        try {
          entry = BundleEntryProto.parseFrom(value);
        } catch (InvalidProtocolBufferException ex) {
          throw new IOException(prefix + ".index: entry '" + key + "' is not a BundleEntryProto", ex);
        }
        byte[] bytes = new byte[(int) entry.getSize()];
        System.arraycopy(data, (int) entry.getOffset(), bytes, 0, bytes.length);
        out.put(key, new Read(entry, bytes));
      }
    }
    return out;
  }

  /** The string held by a string-scalar entry's bytes (written by {@link #stringTensor}). */
  static ByteString stringValue(byte[] bytes) {
    int pos = 0;
    long len = 0;
    for (int shift = 0; ; shift += 7) {
      int b = bytes[pos++] & 0xff;
      len |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    return ByteString.copyFrom(bytes, pos + 4, (int) len);
  }
}

package org.jeras.saving.h5;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jeras.core.config.ConfigException;
import org.jeras.core.tensor.DType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Builds an HDF5 file of groups, string attributes and numeric datasets in memory, then writes it
 * in one pass: a version-2 superblock, one global heap collection for the attribute strings, and
 * every object in depth-first name order. h5py reads the result as it reads the files Keras writes
 * (variable-length UTF-8 string attributes, little-endian datasets, numpy's enum for bool).
 *
 * <p>jHDF's own writer is not used because it cannot write variable-length strings, orders
 * children by hash, corrupts files whose last object is an empty group and adds a {@code _jHDF}
 * attribute; this writer lays the file out deterministically instead.
 */
public final class H5Writer {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
  private static final int SUPERBLOCK_SIZE = 48;
  private static final int HEAP_MIN_SIZE = 4096;
  /** HDF5 orders the links of a group by the bytes of their names. */
  static final Comparator<String> NAME_ORDER = (a, b) -> Arrays.compareUnsigned(
      a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  private final Group root = new Group("/");

  /** {@return the root group} */
  public Group root() {
    return root;
  }

  /** A group of the file under construction. */
  public static final class Group {
    private final String path;
    private final TreeMap<String, Object> children = new TreeMap<>(NAME_ORDER);
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private long address;

    private Group(String path) {
      this.path = path;
    }

    /** {@return this group's path from the root} */
    public String path() {
      return path;
    }

    /**
     * Creates the group at {@code relPath} ({@code a/b} creates {@code a} when missing), as h5py's
     * {@code create_group}; the last component must not exist yet.
     *
     * @param relPath the path below this group
     * @return the new group
     */
    public Group createGroup(String relPath) {
      String[] parts = split(relPath);
      Group g = this;
      for (int i = 0; i < parts.length - 1; i++) {
        g = g.intermediate(parts[i]);
      }
      return g.newChild(parts[parts.length - 1]);
    }

    /**
     * {@return the existing group or a new one at {@code relPath}}
     *
     * @param relPath the path below this group
     */
    public Group requireGroup(String relPath) {
      Group g = this;
      for (String p : split(relPath)) {
        g = g.intermediate(p);
      }
      return g;
    }

    /**
     * {@return whether a group or dataset exists at {@code relPath}}
     *
     * @param relPath the path below this group
     */
    public boolean contains(String relPath) {
      Object node = this;
      for (String p : split(relPath)) {
        if (!(node instanceof Group g) || !g.children.containsKey(p)) {
          return false;
        }
        node = g.children.get(p);
      }
      return true;
    }

    /**
     * Adds a dataset holding {@code value} (read when the file is written) at {@code relPath} (intermediate groups are
     * created, as h5py's {@code group[key] = value}); an existing name is an error.
     *
     * @param relPath the path below this group
     * @param value the dataset's values
     */
    public void putDataset(String relPath, INDArray value) {
      String[] parts = split(relPath);
      Group g = this;
      for (int i = 0; i < parts.length - 1; i++) {
        g = g.intermediate(parts[i]);
      }
      String name = parts[parts.length - 1];
      if (g.children.containsKey(name)) {
        throw new ConfigException("HDF5 name '" + g.childPath(name) + "' already exists");
      }
      DType dtype = DType.of(value.dataType());
      H5Dtype.size(dtype); // fail early for dtypes HDF5 files cannot hold here
      g.children.put(name, new Dataset(dtype, value.shape(), value));
    }

    /**
     * Sets a scalar variable-length UTF-8 string attribute (what h5py writes for a Python str).
     *
     * @param name the attribute's name
     * @param value the string
     */
    public void putAttribute(String name, String value) {
      attributes.put(name, value);
    }

    private Group intermediate(String name) {
      Object c = children.get(name);
      if (c == null) {
        return newChild(name);
      }
      if (!(c instanceof Group g)) {
        throw new ConfigException("HDF5 name '" + childPath(name) + "' is a dataset, not a group");
      }
      return g;
    }

    private Group newChild(String name) {
      if (children.containsKey(name)) {
        throw new ConfigException("HDF5 name '" + childPath(name) + "' already exists");
      }
      Group g = new Group(childPath(name));
      children.put(name, g);
      return g;
    }

    private String childPath(String name) {
      return path.equals("/") ? name : path + "/" + name;
    }

    private static String[] split(String relPath) {
      String[] parts = relPath.split("/", -1);
      for (String p : parts) {
        if (p.isEmpty() || p.equals(".")) {
          throw new ConfigException("Invalid HDF5 path '" + relPath + "'");
        }
      }
      return parts;
    }
  }

  private static final class Dataset {
    final DType dtype;
    final long[] shape;
    final INDArray value;
    long address;

    Dataset(DType dtype, long[] shape, INDArray value) {
      this.dtype = dtype;
      this.shape = shape;
      this.value = value;
    }

    long dataBytes() {
      long n = 1;
      for (long d : shape) {
        n *= d;
      }
      return n * H5Dtype.size(dtype);
    }
  }

  // ------------------------------------------------------------------ writing

  /**
   * Writes the file to {@code out} (which stays open).
   *
   * @param out the stream to write to
   * @throws IOException if writing fails
   */
  public void writeTo(OutputStream out) throws IOException {
    GlobalHeap heap = new GlobalHeap();
    collectStrings(root, heap);
    long heapAddress = SUPERBLOCK_SIZE;
    long rootAddress = heapAddress + heap.size();
    heap.address = heapAddress;
    long eof = layout(root, rootAddress, heap);

    ByteSink sb = new ByteSink().bytes(SIGNATURE).u8(2).u8(8).u8(8).u8(0)
        .u64(0).u64(ByteSink.UNDEFINED).u64(eof).u64(rootAddress).checksum();
    out.write(sb.toByteArray());
    if (heap.size() > 0) {
      out.write(heap.encode());
    }
    write(root, out, heap);
  }

  private static void collectStrings(Group g, GlobalHeap heap) {
    g.attributes.values().forEach(heap::add);
    for (Object c : g.children.values()) {
      if (c instanceof Group child) {
        collectStrings(child, heap);
      }
    }
  }

  private static long layout(Group g, long address, GlobalHeap heap) {
    g.address = address;
    long next = address + groupHeader(g, heap).length;
    for (Object c : g.children.values()) {
      if (c instanceof Group child) {
        next = layout(child, next, heap);
      } else {
        Dataset d = (Dataset) c;
        d.address = next;
        next += datasetHeader(d).length + d.dataBytes();
      }
    }
    return next;
  }

  private static void write(Group g, OutputStream out, GlobalHeap heap) throws IOException {
    out.write(groupHeader(g, heap));
    for (Object c : g.children.values()) {
      if (c instanceof Group child) {
        write(child, out, heap);
      } else {
        Dataset d = (Dataset) c;
        out.write(datasetHeader(d));
        writeData(d, out);
      }
    }
  }

  private static byte[] groupHeader(Group g, GlobalHeap heap) {
    List<byte[]> messages = new ArrayList<>();
    // Link info: compact storage, no fractal heap or name index.
    messages.add(message(0x02, 0, new ByteSink().u8(0).u8(0).u64(ByteSink.UNDEFINED).u64(ByteSink.UNDEFINED)));
    messages.add(message(0x0a, 0, new ByteSink().u8(0).u8(0)));
    for (Map.Entry<String, Object> e : g.children.entrySet()) {
      long target = e.getValue() instanceof Group c ? c.address : ((Dataset) e.getValue()).address;
      messages.add(message(0x06, 0, link(e.getKey(), target)));
    }
    for (Map.Entry<String, String> e : g.attributes.entrySet()) {
      messages.add(message(0x0c, 0, stringAttribute(e.getKey(), e.getValue(), heap)));
    }
    return objectHeader(messages);
  }

  private static byte[] datasetHeader(Dataset d) {
    long bytes = d.dataBytes();
    List<byte[]> messages = new ArrayList<>();
    messages.add(message(0x01, 0, dataspace(d.shape)));
    messages.add(message(0x03, 1, new ByteSink().bytes(H5Dtype.encode(d.dtype))));
    // Fill value v3: allocation late, fill written if set, default (zero) value.
    messages.add(message(0x05, 1, new ByteSink().u8(3).u8(0x0a)));
    // The data follows the header; the layout message has the same size whatever the address.
    messages.add(message(0x08, 0, layout(0, bytes)));
    long dataAddress = bytes == 0 ? ByteSink.UNDEFINED : d.address + objectHeader(messages).length;
    messages.set(3, message(0x08, 0, layout(dataAddress, bytes)));
    return objectHeader(messages);
  }

  private static ByteSink layout(long address, long size) {
    return new ByteSink().u8(3).u8(1).u64(address).u64(size);
  }

  private static ByteSink dataspace(long[] shape) {
    ByteSink b = new ByteSink().u8(2).u8(shape.length).u8(0).u8(shape.length == 0 ? 0 : 1);
    for (long d : shape) {
      b.u64(d);
    }
    return b;
  }

  private static ByteSink link(String name, long address) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    boolean ascii = n.length == name.length();
    int lengthSize = n.length > 255 ? 1 : 0;
    ByteSink b = new ByteSink().u8(1).u8(lengthSize | (ascii ? 0 : 0x10));
    if (!ascii) {
      b.u8(1);
    }
    if (lengthSize == 0) {
      b.u8(n.length);
    } else {
      b.u16(n.length);
    }
    return b.bytes(n).u64(address);
  }

  private static ByteSink stringAttribute(String name, String value, GlobalHeap heap) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    byte[] type = vlenStringType();
    byte[] space = {2, 0, 0, 0}; // v2 scalar dataspace
    ByteSink b = new ByteSink().u8(3).u8(0).u16(n.length + 1).u16(type.length).u16(space.length)
        .u8(n.length == name.length() ? 0 : 1).bytes(n).u8(0).bytes(type).bytes(space);
    GlobalHeap.Entry e = heap.entry(value);
    return b.u32(e.length()).u64(heap.address).u32(e.index());
  }

  /** The variable-length UTF-8 string type h5py writes for {@code str}: a sequence of unsigned bytes. */
  private static byte[] vlenStringType() {
    return new ByteSink().u8(0x19).u8(0x01).u8(0x01).u8(0).u32(16)
        .u8(0x10).u8(0).u8(0).u8(0).u32(1).u16(0).u16(8).toByteArray();
  }

  private static byte[] message(int type, int flags, ByteSink body) {
    byte[] b = body.toByteArray();
    if (b.length > 0xffff) {
      throw new ConfigException("HDF5 header message too large (" + b.length + " bytes)");
    }
    return new ByteSink().u8(type).u16(b.length).u8(flags).bytes(b).toByteArray();
  }

  private static byte[] objectHeader(List<byte[]> messages) {
    int size = 0;
    for (byte[] m : messages) {
      size += m.length;
    }
    // Version 2 header; flags 0x02: the chunk size is stored in 4 bytes.
    ByteSink b = new ByteSink().ascii("OHDR").u8(2).u8(0x02).u32(size);
    messages.forEach(b::bytes);
    return b.checksum().toByteArray();
  }

  private static void writeData(Dataset d, OutputStream out) throws IOException {
    int n = Math.toIntExact(d.value.length());
    if (n == 0) {
      return;
    }
    // A fresh c-order copy's buffer holds exactly its elements, in order.
    INDArray value = d.value.dup('c');
    ByteBuffer buf = ByteBuffer.allocate(n * H5Dtype.size(d.dtype)).order(ByteOrder.LITTLE_ENDIAN);
    switch (d.dtype) {
      case FLOAT32 -> buf.asFloatBuffer().put(value.data().asFloat());
      case FLOAT64 -> buf.asDoubleBuffer().put(value.data().asDouble());
      case INT64 -> buf.asLongBuffer().put(value.data().asLong());
      case INT32 -> buf.asIntBuffer().put(value.data().asInt());
      case INT16, INT8, UINT8, BOOL -> {
        int[] v = value.data().asInt();
        for (int x : v) {
          if (d.dtype == DType.INT16) {
            buf.putShort((short) x);
          } else {
            buf.put((byte) (d.dtype == DType.BOOL ? (x != 0 ? 1 : 0) : x));
          }
        }
      }
      default -> throw new ConfigException("Cannot write a " + d.dtype.kerasName() + " dataset");
    }
    out.write(buf.array());
  }

  /** The one global heap collection holding every attribute string. */
  private static final class GlobalHeap {
    record Entry(int index, int length, byte[] bytes) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    long address;

    void add(String s) {
      entries.computeIfAbsent(s, k -> {
        byte[] b = k.getBytes(StandardCharsets.UTF_8);
        return new Entry(entries.size() + 1, b.length, b);
      });
    }

    Entry entry(String s) {
      return entries.get(s);
    }

    private int used() {
      int n = 16;
      for (Entry e : entries.values()) {
        n += 16 + pad8(e.length);
      }
      return n;
    }

    /** The collection's size: at least 4 KiB as HDF5 allocates, with room for the free-space object. */
    long size() {
      return entries.isEmpty() ? 0 : Math.max(HEAP_MIN_SIZE, used() + 16);
    }

    byte[] encode() {
      long size = size();
      ByteSink b = new ByteSink().ascii("GCOL").u8(1).zeros(3).u64(size);
      for (Entry e : entries.values()) {
        b.u16(e.index).u16(0).u32(0).u64(e.length).bytes(e.bytes).zeros(pad8(e.length) - e.length);
      }
      long free = size - b.size();
      b.u16(0).u16(0).u32(0).u64(free);
      b.zeros((int) (free - 16));
      return b.toByteArray();
    }

    private static int pad8(int n) {
      return (n + 7) & ~7;
    }
  }
}

package org.jeras.saving.h5;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.dataset.DatasetBase;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.Untrusted;
import org.jeras.core.io.LoadLimits;
import org.jeras.core.tensor.DType;
import org.jeras.saving.UnsafeFileException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads HDF5 files written by h5py (Keras) or {@link H5Writer} through jHDF, refusing what Keras
 * refuses: soft and external links, external or virtual storage, datasets that declare more
 * bytes than the file stores (a "shape bomb", bounded by {@link LoadLimits}), chunks that inflate
 * beyond their declared size, and cyclic groups. Shapes and dtypes can be read without the data.
 */
public final class H5Reader implements AutoCloseable {
  static {
    Quiet.jhdfLogging();
  }

  private final HdfFile file;
  private final String source;
  private final long fileSize;

  private H5Reader(HdfFile file, String source, long fileSize) {
    this.file = file;
    this.source = source;
    this.fileSize = fileSize;
  }

  /**
   * Opens an HDF5 file. Files up to 2 GiB are memory-mapped and read as one buffer: jHDF then slices
   * every structure out of the mapping, whereas reading through a channel allocates each object
   * header at the size the file declares before reading it, so a crafted header could claim
   * gigabytes of heap.
   *
   * @param path the file
   * @return the opened reader
   */
  public static H5Reader open(Path path) {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = channel.size();
      HdfFile file = size <= Integer.MAX_VALUE
          ? HdfFile.fromByteBuffer(channel.map(FileChannel.MapMode.READ_ONLY, 0, size))
          : new HdfFile(path);
      return new H5Reader(file, path.toString(), size);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      throw corrupt(path.toString(), "", e);
    }
  }

  /**
   * Reads an HDF5 file held in memory (e.g. a member of a {@code .keras} zip); {@code source} names it in errors.
   *
   * @param bytes the file's bytes
   * @param source the file's name in error messages
   * @return the reader
   */
  public static H5Reader fromBytes(byte[] bytes, String source) {
    try {
      return new H5Reader(HdfFile.fromBytes(bytes), source, bytes.length);
    } catch (RuntimeException | StackOverflowError e) {
      throw corrupt(source, "", e);
    }
  }

  /** {@return the name of the file in error messages} */
  public String source() {
    return source;
  }

  /** {@return the file's size in bytes} */
  public long size() {
    return fileSize;
  }

  /**
   * {@return the group at {@code path} ("" is the root, {@code a/b} nested), or empty when absent; links are
   * refused}
   *
   * @param path a slash-separated group path
   */
  public Optional<Group> group(String path) {
    return guard(path, () -> groupUnguarded(path));
  }

  private Optional<Group> groupUnguarded(String path) {
    Node n = node(path);
    if (n == null) {
      return Optional.empty();
    }
    if (!(n instanceof Group g)) {
      throw new ConfigException("Invalid H5 file '" + source + "': expected a group at " + Untrusted.quote(path) + ", found a dataset");
    }
    return Optional.of(g);
  }

  /**
   * {@return whether a group or dataset exists at {@code path}}
   *
   * @param path a slash-separated path
   */
  public boolean has(String path) {
    return guard(path, () -> node(path)) != null;
  }

  /**
   * {@return whether {@code path} names a group}
   *
   * @param path a slash-separated path
   */
  public boolean isGroup(String path) {
    return guard(path, () -> node(path)) instanceof Group;
  }

  /**
   * {@return the names of the children of the group at {@code path}, in h5py's order (by the bytes of their
   * names)}
   *
   * @param path a slash-separated group path
   */
  public List<String> keys(String path) {
    return guard(path, () -> keysUnguarded(path));
  }

  private List<String> keysUnguarded(String path) {
    Group g = group(path).orElseThrow(() -> new ConfigException(
        "No group " + Untrusted.quote(path) + " in H5 file '" + source + "'"));
    List<String> names = new ArrayList<>(children(g, path).keySet());
    names.sort(H5Writer.NAME_ORDER);
    return names;
  }

  /**
   * {@return the string attribute {@code name} of the object at {@code path}, or empty}
   *
   * @param path a slash-separated path
   * @param name the attribute's name
   */
  public Optional<String> attribute(String path, String name) {
    return guard(path, () -> attributeUnguarded(path, name));
  }

  private Optional<String> attributeUnguarded(String path, String name) {
    Node n = node(path);
    if (n == null) {
      throw new ConfigException("No object " + Untrusted.quote(path) + " in H5 file '" + source + "'");
    }
    Attribute a = n.getAttributes().get(name);
    if (a == null) {
      return Optional.empty();
    }
    Object v = a.getData();
    return Optional.of(v instanceof String s ? s : String.valueOf(v));
  }

  /**
   * {@return the string-list attribute {@code name} of the object at {@code path} (h5py's array of byte or
   * unicode strings, as Keras 2 writes {@code layer_names} and {@code weight_names}), or empty when absent}
   * An empty numeric array (what numpy makes of an empty list) is an empty list; any other type is refused.
   *
   * @param path a slash-separated path
   * @param name the attribute's name
   */
  public Optional<List<String>> stringsAttribute(String path, String name) {
    return guard(path, () -> stringsAttributeUnguarded(path, name));
  }

  private Optional<List<String>> stringsAttributeUnguarded(String path, String name) {
    Node n = node(path);
    if (n == null) {
      throw new ConfigException("No object " + Untrusted.quote(path) + " in H5 file '" + source + "'");
    }
    Attribute a = n.getAttributes().get(name);
    if (a == null) {
      return Optional.empty();
    }
    Object v = a.getData();
    List<String> out = new ArrayList<>();
    if (v == null || (v.getClass().isArray() && java.lang.reflect.Array.getLength(v) == 0)) {
      return Optional.of(out);
    }
    if (v instanceof String s) {
      out.add(s);
    } else if (v instanceof Object[] arr && arr.getClass().getComponentType() == String.class) {
      for (Object o : arr) {
        out.add((String) o);
      }
    } else {
      throw new ConfigException("Invalid H5 file '" + source + "': attribute " + Untrusted.quote(name) + " of "
          + Untrusted.quote(path.isEmpty() ? "/" : path) + " is not a list of strings");
    }
    return Optional.of(out);
  }

  /**
   * {@return the names of the attributes of the object at {@code path}, sorted}
   *
   * @param path a slash-separated path
   */
  public List<String> attributeNames(String path) {
    return guard(path, () -> attributeNamesUnguarded(path));
  }

  private List<String> attributeNamesUnguarded(String path) {
    Node n = node(path);
    if (n == null) {
      throw new ConfigException("No object " + Untrusted.quote(path) + " in H5 file '" + source + "'");
    }
    List<String> names = new ArrayList<>(n.getAttributes().keySet());
    names.sort(H5Writer.NAME_ORDER);
    return names;
  }

  /**
   * Reads the dataset at {@code path} (e.g. {@code layers/dense/vars/0}) into an INDArray.
   *
   * @param path a slash-separated dataset path
   * @return the dataset's values, in its dtype and shape
   */
  public INDArray dataset(String path) {
    return guard(path, () -> datasetUnguarded(path));
  }

  private INDArray datasetUnguarded(String path) {
    Dataset ds = datasetNode(path);
    try {
      return toArray(ds, path);
    } catch (HdfException e) {
      throw new ConfigException("Cannot read dataset " + Untrusted.quote(path) + " in '" + source + "': "
          + Untrusted.quote(e.getMessage()), e);
    }
  }

  /**
   * {@return the shape of the dataset at {@code path}, read from its header only}
   *
   * @param path a slash-separated dataset path
   */
  public long[] shape(String path) {
    return guard(path, () -> shapeUnguarded(path));
  }

  private long[] shapeUnguarded(String path) {
    Dataset ds = datasetNode(path);
    try {
      return ds.getDimensionsAsLong();
    } catch (HdfException e) {
      throw new ConfigException("Cannot read dataset " + Untrusted.quote(path) + " in '" + source + "': "
          + Untrusted.quote(e.getMessage()), e);
    }
  }

  /**
   * {@return the dtype of the dataset at {@code path}, read from its header only}
   *
   * @param path a slash-separated dataset path
   */
  public DType dtype(String path) {
    return guard(path, () -> dtypeUnguarded(path));
  }

  private DType dtypeUnguarded(String path) {
    Dataset ds = datasetNode(path);
    try {
      return H5Dtype.decode(ds.getDataType(), path);
    } catch (HdfException e) {
      throw new ConfigException("Cannot read dataset " + Untrusted.quote(path) + " in '" + source + "': "
          + Untrusted.quote(e.getMessage()), e);
    }
  }

  /**
   * The paths of every dataset in the file, depth first in h5py's order, without reading any data;
   * a group reached twice (a cyclic hard link) is refused.
   *
   * @return the dataset paths
   */
  public List<String> datasetPaths() {
    List<String> out = new ArrayList<>();
    guard("", () -> {
      collect("", new HashSet<>(), out);
      return out;
    });
    return out;
  }

  /**
   * Runs a read through jHDF, which reports malformed files with whatever exception its parsing
   * meets (IllegalStateException, ArithmeticException, buffer underflows...): all of them become
   * one typed error naming the file and path, and endless recursion a refused cyclic structure.
   */
  private <T> T guard(String path, Supplier<T> read) {
    try {
      return read.get();
    } catch (ConfigException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw corrupt(source, path, e);
    } catch (OutOfMemoryError e) {
      // Only files over 2 GiB are read through a channel, where jHDF allocates an object header
      // at its declared size: that one failed allocation is all there was to free.
      throw new UnsafeFileException("Not allowed: H5 file '" + source + "' declares a structure under "
          + Untrusted.quote(path) + " larger than the Java heap");
    }
  }

  private static ConfigException corrupt(String source, String path, Throwable e) {
    if (e instanceof StackOverflowError) {
      return new UnsafeFileException("Not allowed: H5 file '" + source + "' has a cyclic structure under "
          + Untrusted.quote(path));
    }
    String what = e instanceof HdfException ? String.valueOf(e.getMessage())
        : e.getClass().getSimpleName() + ": " + e.getMessage();
    ConfigException c = new ConfigException("Cannot read HDF5 file '" + source + "'"
        + (path.isEmpty() ? "" : " at " + Untrusted.quote(path)) + ": " + Untrusted.quote(what), e);
    return c;
  }

  private void collect(String path, Set<Long> ancestors, List<String> out) {
    Node n = node(path);
    if (!ancestors.add(n.getAddress())) {
      throw new UnsafeFileException("Not allowed: H5 file '" + source + "' has a cyclic link at "
          + Untrusted.quote(path));
    }
    for (String key : keys(path)) {
      String child = path.isEmpty() ? key : path + "/" + key;
      if (isGroup(child)) {
        collect(child, ancestors, out);
      } else {
        out.add(child);
      }
    }
    ancestors.remove(n.getAddress());
  }

  private Dataset datasetNode(String path) {
    Node n = node(path);
    if (n == null) {
      throw new ConfigException("No dataset " + Untrusted.quote(path) + " in H5 file '" + source + "'");
    }
    if (!(n instanceof Dataset ds)) {
      throw new ConfigException("Invalid H5 file '" + source + "': expected a dataset at " + Untrusted.quote(path)
          + ", found a group");
    }
    return ds;
  }

  /** The node at {@code path} or null; every step is checked for links. */
  private Node node(String path) {
    Node current = file;
    if (path.isEmpty()) {
      return current;
    }
    StringBuilder walked = new StringBuilder();
    for (String part : path.split("/", -1)) {
      if (part.isEmpty()) {
        throw new ConfigException("Invalid path in H5 file '" + source + "': " + Untrusted.quote(path));
      }
      if (!(current instanceof Group g)) {
        throw new ConfigException("Invalid H5 file '" + source + "': " + Untrusted.quote(walked.toString()) + " is a dataset, not a group");
      }
      walked.append(walked.length() == 0 ? "" : "/").append(part);
      current = child(g, part, walked.toString());
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  private Map<String, Node> children(Group g, String where) {
    try {
      return g.getChildren();
    } catch (StackOverflowError e) {
      // jHDF follows B-tree and heap pointers recursively: a node pointing back to itself never ends.
      throw new UnsafeFileException("Not allowed: H5 file '" + source + "' has a cyclic group index under "
          + Untrusted.quote(where));
    } catch (HdfException e) {
      // jHDF fails on the header of a dataset with external storage: refuse it like Keras does.
      String msg = String.valueOf(e.getMessage());
      if (causedByExternalStorage(e)) {
        throw new UnsafeFileException("Not allowed: H5 file '" + source + "' with external dataset storage under "
            + Untrusted.quote(where));
      }
      if (causedByOutOfBounds(e)) {
        throw new UnsafeFileException("Not allowed: H5 file '" + source + "' has an object under " + Untrusted.quote(where)
            + " that points beyond the end of the file (" + fileSize + " bytes)");
      }
      throw new ConfigException("Cannot read group " + Untrusted.quote(where) + " in H5 file '" + source + "': "
          + Untrusted.quote(msg), e);
    }
  }

  private static boolean causedByExternalStorage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains("External Data Files")) {
        return true;
      }
    }
    return false;
  }

  private static boolean causedByOutOfBounds(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException || t instanceof IndexOutOfBoundsException
          || t instanceof BufferUnderflowException) {
        return true;
      }
    }
    return false;
  }

  private Node child(Group g, String name, String where) {
    Node n = children(g, where).get(name);
    if (n != null && n.isLink()) {
      String kind = n.getClass().getSimpleName();
      throw new UnsafeFileException("Not allowed: H5 file '" + source + "' with " + kind + " at " + Untrusted.quote(where));
    }
    return n;
  }

  /**
   * Reads the dataset at {@code path} straight into {@code target}'s buffer when both have the same
   * fixed-width dtype and shape and {@code target} is a dense C-ordered array of its own; otherwise
   * reads nothing and returns false.
   *
   * @param path a slash-separated dataset path
   * @param target the array to fill
   * @return whether the data was read into {@code target}
   */
  public boolean readInto(String path, INDArray target) {
    return guard(path, () -> readIntoUnguarded(path, target));
  }

  private boolean readIntoUnguarded(String path, INDArray target) {
    Dataset ds = datasetNode(path);
    try {
      DataType type = ds.getDataType();
      DType dtype = H5Dtype.decode(type, path);
      long[] shape = ds.getDimensionsAsLong();
      if (!DIRECT.contains(dtype) || dtype.nd4j() != target.dataType() || !Arrays.equals(shape, target.shape())
          || target.isView() || target.ordering() != 'c' || target.length() == 0) {
        return false;
      }
      ByteBuffer bb = storedBytes(ds, type, shape, path);
      copyWords(bb, target, (int) target.length(), type.getSize());
      return true;
    } catch (HdfException e) {
      throw new ConfigException("Cannot read dataset " + Untrusted.quote(path) + " in '" + source + "': "
          + Untrusted.quote(e.getMessage()), e);
    }
  }

  private INDArray toArray(Dataset ds, String where) {
    DataType type = ds.getDataType();
    DType dtype = H5Dtype.decode(type, where);
    long[] shape = ds.getDimensionsAsLong();
    if (elements(shape) == 0) {
      checkStorage(ds, 0, where);
      return Nd4j.create(dtype.nd4j(), shape);
    }
    ByteBuffer bb = storedBytes(ds, type, shape, where);
    int n = (int) elements(shape);
    INDArray flat = switch (dtype) {
      case FLOAT32, FLOAT64, FLOAT16, INT64, INT32, INT16, INT8 -> copied(bb, dtype, n, type.getSize());
      case UINT8 -> {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
          a[i] = bb.get() & 0xff;
        }
        yield Nd4j.createFromArray(a).castTo(org.nd4j.linalg.api.buffer.DataType.UBYTE);
      }
      case BOOL -> {
        boolean[] a = new boolean[n];
        for (int i = 0; i < n; i++) {
          a[i] = bb.get() != 0;
        }
        yield Nd4j.createFromArray(a);
      }
      default -> throw new ConfigException("Unsupported dtype " + dtype + " at " + Untrusted.quote(where));
    };
    return shape.length == 0 ? flat.reshape() : flat.reshape('c', shape);
  }

  private static long elements(long[] shape) {
    long count = 1;
    for (long d : shape) {
      count = Math.multiplyExact(count, d);
    }
    return count;
  }

  /** The dataset's bytes, checked against what its header declares, in the file's byte order. */
  private ByteBuffer storedBytes(Dataset ds, DataType type, long[] shape, String where) {
    long declared = Math.multiplyExact(elements(shape), type.getSize());
    checkStorage(ds, declared, where);
    ByteBuffer bb;
    if (ds instanceof ChunkedDataset c) {
      // Chunks are gathered on the heap (then copied off-heap); contiguous data is read from the mapping.
      LoadLimits.checkHeap(Math.multiplyExact(declared, 2), "Dataset " + Untrusted.quote(where) + " in '" + source + "'");
      bb = ByteBuffer.wrap(H5Chunks.read(c, shape, type.getSize(), declared, Untrusted.quote(where)));
    } else {
      bb = ((DatasetBase) ds).getDataBuffer().duplicate();
    }
    bb.order(byteOrder(type));
    if (bb.remaining() < declared) {
      throw new UnsafeFileException("Not allowed: H5 dataset " + Untrusted.quote(where) + " in '" + source + "' declares " + declared
          + " bytes but only " + bb.remaining() + " are stored");
    }
    return bb;
  }

  /** The dtypes whose file bytes are ND4J's bytes (HDF5 IEEE half is ND4J's HALF). */
  private static final Set<DType> DIRECT = Set.of(DType.FLOAT32, DType.FLOAT64, DType.FLOAT16, DType.INT64,
      DType.INT32, DType.INT16, DType.INT8);

  /** The dataset's elements copied into a new off-heap buffer. */
  private static INDArray copied(ByteBuffer bb, DType dtype, int n, int width) {
    INDArray out = Nd4j.createUninitialized(dtype.nd4j(), n);
    copyWords(bb, out, n, width);
    return out;
  }

  /**
   * Copies {@code n} elements of {@code width} bytes from the file's bytes into {@code target}'s
   * off-heap buffer: one bulk copy when the file's byte order is the machine's, else a copy of
   * same-width words that swaps their bytes.
   */
  private static void copyWords(ByteBuffer bb, INDArray target, int n, int width) {
    ByteBuffer dst = target.data().asNio().order(ByteOrder.nativeOrder());
    ByteBuffer src = bb.slice().order(bb.order()).limit(Math.multiplyExact(n, width));
    if (src.order() == dst.order() || width == 1) {
      dst.put(src);
    } else {
      switch (width) {
        case 2 -> dst.asShortBuffer().put(src.asShortBuffer());
        case 4 -> dst.asIntBuffer().put(src.asIntBuffer());
        case 8 -> dst.asLongBuffer().put(src.asLongBuffer());
        default -> throw new IllegalStateException("no " + width + "-byte words");
      }
    }
  }

  private void checkStorage(Dataset ds, long declared, String where) {
    if (ds instanceof ContiguousDataset c) {
      if (declared > 0 && (c.getDataAddress() < 0 || c.getDataAddress() + declared > fileSize)) {
        throw new UnsafeFileException("Not allowed: H5 dataset " + Untrusted.quote(where) + " in '" + source + "' declares "
            + declared + " bytes at offset " + c.getDataAddress() + " beyond the end of the file (" + fileSize + " bytes)");
      }
    } else if (ds instanceof ChunkedDataset) {
      long stored = ds.getStorageInBytes();
      boolean filtered = !ds.getFilters().isEmpty();
      boolean bomb = filtered
          ? LoadLimits.isBomb(declared, stored, LoadLimits.maxH5Expansion())
          : declared > stored;
      if (bomb) {
        throw new UnsafeFileException("Not allowed: H5 dataset " + Untrusted.quote(where) + " in '" + source + "' declares "
            + declared + " bytes but only " + stored + " are stored; refusing a potential shape bomb");
      }
    }
  }

  private static ByteOrder byteOrder(DataType t) {
    if (t instanceof FloatingPoint f) {
      return f.getByteOrder();
    }
    if (t instanceof FixedPoint f) {
      return f.getByteOrder();
    }
    return ByteOrder.LITTLE_ENDIAN;
  }

  @Override
  public void close() {
    file.close();
  }
}

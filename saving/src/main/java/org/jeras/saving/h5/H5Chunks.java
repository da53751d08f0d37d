package org.jeras.saving.h5;

import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.exceptions.HdfException;
import io.jhdf.filter.PipelineFilterWithData;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.jeras.core.config.ConfigException;
import org.jeras.core.io.LoadLimits;
import org.jeras.saving.UnsafeFileException;

/**
 * Reads a chunked HDF5 dataset chunk by chunk instead of through jHDF's filter pipeline, whose
 * inflater has no bound: each chunk is inflated to at most the bytes its chunk shape declares, so
 * that a chunk declaring 512 bytes cannot expand to gigabytes. Supports h5py's lossless filters
 * deflate (gzip), shuffle and fletcher32; other filters are refused by name.
 */
final class H5Chunks {
  private static final int DEFLATE = 1;
  private static final int SHUFFLE = 2;
  private static final int FLETCHER32 = 3;

  private H5Chunks() {}

  /** The dataset's bytes in C order ({@code declared} of them, {@code elemSize} per element). */
  static byte[] read(ChunkedDataset ds, long[] shape, int elemSize, long declared, String where) {
    List<PipelineFilterWithData> filters = ds.getFilters();
    for (PipelineFilterWithData f : filters) {
      if (f.getId() != DEFLATE && f.getId() != SHUFFLE && f.getId() != FLETCHER32) {
        throw new ConfigException("Dataset " + where + " uses the HDF5 filter '" + f.getName() + "' (id " + f.getId()
            + "), which Jeras does not read (gzip, shuffle and fletcher32 are read)");
      }
    }
    int rank = shape.length;
    int[] chunk = ds.getChunkDimensions();
    if (chunk.length < rank || rank == 0) {
      throw new ConfigException("Dataset " + where + " has chunks of rank " + chunk.length + " for rank " + rank);
    }
    long chunkElems = 1;
    for (int k = 0; k < rank; k++) {
      if (chunk[k] <= 0) {
        throw new ConfigException("Dataset " + where + " has an invalid chunk dimension " + chunk[k]);
      }
      chunkElems = Math.multiplyExact(chunkElems, chunk[k]);
    }
    long chunkBytes = Math.multiplyExact(chunkElems, elemSize);
    LoadLimits.checkHeap(chunkBytes, "A chunk of dataset " + where);
    byte[] out = LoadLimits.newBytes(declared, "Dataset " + where);
    int[] offset = new int[rank];
    while (true) {
      byte[] raw = rawChunk(ds, offset, where);
      if (raw != null) {
        byte[] decoded = decode(raw, filters, (int) chunkBytes, where);
        copy(decoded, out, shape, chunk, offset, elemSize);
      }
      int k = rank - 1;
      while (k >= 0 && (offset[k] += chunk[k]) >= shape[k]) {
        offset[k] = 0;
        k--;
      }
      if (k < 0) {
        return out;
      }
    }
  }

  /** The stored bytes of the chunk at {@code offset}, or null when it was never written (and reads as zeros). */
  private static byte[] rawChunk(ChunkedDataset ds, int[] offset, String where) {
    try {
      var buf = ds.getRawChunkBuffer(offset);
      byte[] b = new byte[buf.remaining()];
      buf.get(b);
      return b;
    } catch (HdfException e) {
      if (String.valueOf(e.getMessage()).startsWith("No chunk")) {
        Object fill = ds.getFillValue();
        if (fill instanceof Number n && n.doubleValue() != 0) {
          throw new ConfigException("Dataset " + where + " leaves chunks unwritten with fill value " + fill
              + ", which Jeras does not apply");
        }
        return null;
      }
      throw new UnsafeFileException("Not allowed: a chunk of H5 dataset " + where + " cannot be read ("
          + e.getMessage() + ")");
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new UnsafeFileException("Not allowed: a chunk of H5 dataset " + where + " lies beyond the end of the file");
    }
  }

  /** Undoes the filters in reverse order; the result must be exactly {@code chunkBytes}. */
  private static byte[] decode(byte[] raw, List<PipelineFilterWithData> filters, int chunkBytes, String where) {
    byte[] b = raw;
    for (int i = filters.size() - 1; i >= 0; i--) {
      PipelineFilterWithData f = filters.get(i);
      b = switch (f.getId()) {
        case DEFLATE -> inflate(b, chunkBytes + 4, where);
        case SHUFFLE -> unshuffle(b, f.getFilterData().length > 0 ? f.getFilterData()[0] : 1);
        default -> {
          if (b.length < 4) {
            throw new ConfigException("A chunk of dataset " + where + " is too short for its fletcher32 checksum");
          }
          yield java.util.Arrays.copyOf(b, b.length - 4);
        }
      };
    }
    if (b.length != chunkBytes) {
      throw new ConfigException("A chunk of dataset " + where + " holds " + b.length + " bytes, its shape declares "
          + chunkBytes);
    }
    return b;
  }

  /** zlib data inflated to at most {@code limit} bytes; more is refused as a decompression bomb. */
  private static byte[] inflate(byte[] in, int limit, String where) {
    Inflater inf = new Inflater();
    try {
      inf.setInput(in);
      byte[] out = new byte[limit + 1];
      int n = 0;
      while (!inf.finished() && n < out.length) {
        int r = inf.inflate(out, n, out.length - n);
        if (r == 0 && (inf.needsInput() || inf.needsDictionary())) {
          break;
        }
        n += r;
      }
      if (n > limit) {
        throw new UnsafeFileException("Not allowed: a gzip chunk of H5 dataset " + where
            + " inflates beyond the " + (limit - 4) + " bytes its chunk shape declares; refusing a decompression bomb");
      }
      return java.util.Arrays.copyOf(out, n);
    } catch (DataFormatException e) {
      throw new ConfigException("A gzip chunk of dataset " + where + " is corrupt: " + e.getMessage());
    } finally {
      inf.end();
    }
  }

  private static byte[] unshuffle(byte[] in, int size) {
    if (size <= 1) {
      return in;
    }
    byte[] out = new byte[in.length];
    int n = in.length / size;
    for (int b = 0; b < size; b++) {
      for (int i = 0; i < n; i++) {
        out[i * size + b] = in[b * n + i];
      }
    }
    System.arraycopy(in, n * size, out, n * size, in.length - n * size);
    return out;
  }

  /** Copies the part of a decoded chunk at {@code offset} that lies inside the dataset into {@code out}. */
  private static void copy(byte[] chunkData, byte[] out, long[] shape, int[] chunk, int[] offset, int elemSize) {
    int rank = shape.length;
    int[] extent = new int[rank];
    for (int k = 0; k < rank; k++) {
      extent[k] = (int) Math.min(chunk[k], shape[k] - offset[k]);
    }
    int rowBytes = extent[rank - 1] * elemSize;
    int[] j = new int[rank];
    while (true) {
      long src = 0;
      long dst = 0;
      for (int k = 0; k < rank; k++) {
        src = src * chunk[k] + j[k];
        dst = dst * shape[k] + offset[k] + j[k];
      }
      System.arraycopy(chunkData, (int) (src * elemSize), out, (int) (dst * elemSize), rowBytes);
      int k = rank - 2;
      while (k >= 0 && ++j[k] >= extent[k]) {
        j[k] = 0;
        k--;
      }
      if (k < 0) {
        return;
      }
    }
  }
}

package org.jeras.core.callbacks;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.HistogramProto;
import org.tensorflow.proto.Summary;

/**
 * One TensorBoard event file ({@code events.out.tfevents.<seconds>.<host>.<pid>.<n>}) in a
 * directory: {@link Event} protobufs in TFRecord framing, starting with the file-version event.
 * Every event is flushed, so a crashed run keeps what it logged.
 */
final class EventFileWriter implements Closeable {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  /** Buckets of a weight histogram (as {@code tf.summary.histogram}'s default). */
  private static final int BUCKETS = 30;
  private final Path file;
  private final OutputStream out;

  EventFileWriter(Path dir) {
    try {
      Files.createDirectories(dir);
      long seconds = System.currentTimeMillis() / 1000;
      file = dir.resolve("events.out.tfevents." + seconds + "." + host() + "." + ProcessHandle.current().pid()
          + "." + COUNTER.incrementAndGet());
      out = new BufferedOutputStream(Files.newOutputStream(file));
      write(Event.newBuilder().setWallTime(now()).setFileVersion("brain.Event:2").build());
    } catch (IOException e) {
      throw new UncheckedIOException("Creating a TensorBoard event file in " + dir + " failed", e);
    }
  }

  Path file() {
    return file;
  }

  void scalar(String tag, long step, double value) {
    Summary summary = Summary.newBuilder()
        .addValue(Summary.Value.newBuilder().setTag(tag).setSimpleValue((float) value)).build();
    write(Event.newBuilder().setWallTime(now()).setStep(step).setSummary(summary).build());
  }

  /** A histogram of {@code values} in equal-width buckets from their minimum to their maximum. */
  void histogram(String tag, long step, INDArray values) {
    double[] v = values.castTo(DataType.DOUBLE).data().asDouble();
    HistogramProto.Builder h = HistogramProto.newBuilder().setNum(v.length);
    if (v.length > 0) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double sum = 0;
      double squares = 0;
      for (double x : v) {
        min = Math.min(min, x);
        max = Math.max(max, x);
        sum += x;
        squares += x * x;
      }
      int buckets = max > min ? BUCKETS : 1;
      double[] counts = new double[buckets];
      double width = (max - min) / buckets;
      for (double x : v) {
        int b = width == 0 ? 0 : (int) Math.min(buckets - 1, Math.floor((x - min) / width));
        counts[b]++;
      }
      h.setMin(min).setMax(max).setSum(sum).setSumSquares(squares);
      for (int b = 0; b < buckets; b++) {
        // Each limit is the right edge of its bucket; the last is the maximum itself.
        h.addBucketLimit(b == buckets - 1 ? max : min + width * (b + 1)).addBucket(counts[b]);
      }
    }
    Summary summary = Summary.newBuilder().addValue(Summary.Value.newBuilder().setTag(tag).setHisto(h)).build();
    write(Event.newBuilder().setWallTime(now()).setStep(step).setSummary(summary).build());
  }

  private void write(Event event) {
    try {
      TfRecords.write(out, event.toByteArray());
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Writing TensorBoard event file " + file + " failed", e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Closing TensorBoard event file " + file + " failed", e);
    }
  }

  private static double now() {
    return System.currentTimeMillis() / 1000.0;
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "_");
    } catch (IOException e) {
      return "localhost";
    }
  }
}

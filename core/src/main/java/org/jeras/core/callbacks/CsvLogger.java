package org.jeras.core.callbacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes each epoch's logs as a CSV row: {@code epoch,<sorted keys>} (Keras's {@code CSVLogger}). */
public final class CsvLogger implements Callback {
  private final Path file;
  private final String separator;
  private final boolean append;
  private Writer writer;
  private List<String> keys;

  /**
   * Keras's {@code CSVLogger(filename, separator, append)}.
   *
   * @param file the CSV file
   * @param separator the column separator
   * @param append append to an existing file instead of replacing it
   */
  public CsvLogger(Path file, String separator, boolean append) {
    this.file = file;
    this.separator = separator;
    this.append = append;
  }

  /**
   * Keras's defaults: comma-separated, replacing any existing file.
   *
   * @param file the CSV file
   */
  public CsvLogger(Path file) {
    this(file, ",", false);
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    try {
      boolean header = !append || !Files.exists(file) || Files.size(file) == 0;
      writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
      keys = header ? null : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    try {
      Map<String, Double> sorted = new TreeMap<>(logs);
      if (keys == null) {
        keys = new ArrayList<>(sorted.keySet());
        writer.write("epoch" + separator + String.join(separator, keys) + "\n");
      } else if (keys.isEmpty()) {
        keys = new ArrayList<>(sorted.keySet());
      }
      StringBuilder row = new StringBuilder(Integer.toString(epoch));
      for (String k : keys) {
        Double v = sorted.get(k);
        row.append(separator).append(v == null ? "NA" : Double.toString(v));
      }
      writer.write(row + "\n");
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    try {
      if (writer != null) {
        writer.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

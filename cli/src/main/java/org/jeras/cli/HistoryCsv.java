package org.jeras.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A training log written by Keras's or Jeras's {@code CSVLogger}: a header {@code epoch<sep>key...}
 * then one row per epoch. Missing values ({@code NA} or empty) and Python's {@code nan}/{@code inf}
 * become NaN/infinities; the separator is the character after {@code epoch} in the header.
 */
record HistoryCsv(List<Integer> epochs, Map<String, List<Double>> logs) {
  /** Longest file read: a log of a million epochs is far smaller. */
  private static final long MAX_BYTES = 256L << 20;

  static HistoryCsv read(Path file) {
    List<String> lines;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new CommandException(file + ": larger than " + (MAX_BYTES >> 20) + " MiB; not a CSVLogger file");
      }
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CommandException(file + ": cannot read: " + e.getMessage());
    }
    lines.removeIf(String::isBlank);
    if (lines.isEmpty()) {
      throw new CommandException(file + ": empty CSV; expected a CSVLogger header 'epoch,loss,...' and a row per epoch");
    }
    String header = strip(lines.get(0));
    if (!header.startsWith("epoch") || header.length() < 6) {
      throw new CommandException(file + ": the header does not start with 'epoch' and a separator (as CSVLogger"
          + " writes it); got '" + cut(header) + "'");
    }
    String sep = header.substring(5, 6);
    String[] columns = header.split(Pattern.quote(sep), -1);
    Map<String, List<Double>> logs = new LinkedHashMap<>();
    for (int c = 1; c < columns.length; c++) {
      String name = unquote(columns[c]);
      if (name.isEmpty() || logs.put(name, new ArrayList<>()) != null) {
        throw new CommandException(file + ": column " + (c + 1) + " of the header is " + (name.isEmpty() ? "empty" : "a repeat of '" + cut(name) + "'"));
      }
    }
    if (logs.isEmpty()) {
      throw new CommandException(file + ": the header has no metric columns after 'epoch'");
    }
    if (lines.size() == 1) {
      throw new CommandException(file + ": no epochs in the CSV (only its header)");
    }
    List<Integer> epochs = new ArrayList<>();
    List<String> names = new ArrayList<>(logs.keySet());
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = strip(lines.get(i)).split(Pattern.quote(sep), -1);
      if (cells.length != columns.length) {
        throw new CommandException(file + ":" + (i + 1) + ": " + cells.length + " values for " + columns.length + " columns");
      }
      try {
        epochs.add(Integer.parseInt(unquote(cells[0])));
      } catch (NumberFormatException e) {
        throw new CommandException(file + ":" + (i + 1) + ": epoch '" + cut(cells[0]) + "' is not an integer");
      }
      for (int c = 1; c < cells.length; c++) {
        logs.get(names.get(c - 1)).add(value(unquote(cells[c]), file, i + 1, names.get(c - 1)));
      }
    }
    return new HistoryCsv(epochs, logs);
  }

  private static double value(String s, Path file, int line, String column) {
    switch (s.toLowerCase(Locale.ROOT)) {
      case "", "na", "nan", "none" -> {
        return Double.NaN;
      }
      case "inf", "+inf", "infinity" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-inf", "-infinity" -> {
        return Double.NEGATIVE_INFINITY;
      }
      default -> {
        try {
          return Double.parseDouble(s);
        } catch (NumberFormatException e) {
          throw new CommandException(file + ":" + line + ": column '" + cut(column) + "' holds '" + cut(s)
              + "', not a number");
        }
      }
    }
  }

  /** The line without a byte-order mark or a carriage return. */
  private static String strip(String line) {
    return (line.startsWith("\uFEFF") ? line.substring(1) : line).replace("\r", "");
  }

  private static String unquote(String s) {
    s = s.strip();
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  /** File text in a message: at most 60 characters (Main escapes control characters). */
  private static String cut(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}

package org.jeras.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fixture cases written by real Keras, one per {@code .keras} file: every case with status
 * {@code ok} in the torch set's and the jax set's {@code manifest.json}. Nothing is skipped: a case
 * either loads and matches Keras, or is one of the {@link #REFUSED expected refusals}.
 */
public final class KerasCases {
  private KerasCases() {}

  /** Cases Jeras must refuse to load by default, with the reason. */
  public static final Map<String, String> REFUSED = Map.of(
      "lambda_unsafe", "a Lambda holding Python bytecode: safe mode refuses it, as Keras's does");

  /** The fixture sets: the torch files at the top and the jax files under {@code jax/}. */
  public static final List<String> SETS = List.of("", "jax/");

  /** One fixture file and its manifest entry. */
  public record Case(String set, String name, JsonObject manifest) {
    /** {@code NAME} or {@code jax/NAME}. */
    public String id() {
      return set + name;
    }

    public Path keras() {
      return Fixtures.file(id() + ".keras");
    }

    public Path weights() {
      return Fixtures.file(id() + ".weights.h5");
    }

    public Path io() {
      return Fixtures.file(id() + ".io.npz");
    }

    /** Why Jeras must refuse this file, or null when it must load it. */
    public String refusal() {
      return REFUSED.get(name);
    }

    /** Whether the model needs the fixtures' custom classes ({@code fixture_custom.py}'s Java counterparts). */
    public boolean needsCustomObjects() {
      return manifest.get("requires_custom_objects").getAsBoolean();
    }

    @Override
    public String toString() {
      return id();
    }
  }

  /** The manifest of one set. */
  public static JsonObject manifest(String set) {
    try {
      return JsonParser.parseString(Files.readString(Fixtures.file(set + "manifest.json"))).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every case of every set, in manifest order; fails when a listed file is missing. */
  public static List<Case> all() {
    List<Case> out = new ArrayList<>();
    for (String set : SETS) {
      for (JsonElement e : manifest(set).getAsJsonArray("cases")) {
        JsonObject c = e.getAsJsonObject();
        if ("ok".equals(c.get("status").getAsString())) {
          Case k = new Case(set, c.get("name").getAsString(), c);
          assertTrue(Files.isRegularFile(Fixtures.dir().resolve(k.id() + ".keras")), "missing " + k.id() + ".keras");
          out.add(k);
        }
      }
    }
    return out;
  }

  /** The cases Jeras must load (all but the expected refusals). */
  public static List<Case> loadable() {
    return all().stream().filter(c -> c.refusal() == null).toList();
  }
}

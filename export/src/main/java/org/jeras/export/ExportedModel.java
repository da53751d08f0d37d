package org.jeras.export;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jeras.core.io.Npz;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An export archive loaded for serving, without the model's classes: its endpoints run on ONNX
 * Runtime and its variable collections are plain arrays ({@code tf.saved_model.load} in Keras's
 * story).
 */
public final class ExportedModel implements AutoCloseable {
  private final Path dir;
  private final Manifest manifest;
  private final Map<String, ExportedEndpoint> endpoints = new LinkedHashMap<>();

  private ExportedModel(Path dir, Manifest manifest) {
    this.dir = dir;
    this.manifest = manifest;
  }

  /**
   * Loads the archive written to directory {@code dir}.
   *
   * @param dir the directory {@code ExportArchive.writeOut} wrote
   * @return the loaded archive, its endpoints ready to run
   */
  public static ExportedModel load(Path dir) {
    Manifest manifest;
    try {
      manifest = Manifest.read(dir);
    } catch (IOException e) {
      throw new ExportException("Cannot read the export archive " + dir + ": " + e.getMessage(), e);
    }
    ExportedModel model = new ExportedModel(dir, manifest);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try {
      for (Manifest.Endpoint e : manifest.endpoints()) {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        OrtSession session = env.createSession(dir.resolve(e.file()).toString(), options);
        model.endpoints.put(e.name(), new ExportedEndpoint(e.name(), e.inputs(), e.outputs(), env, session));
      }
    } catch (OrtException ex) {
      model.close();
      throw new ExportException("ONNX Runtime cannot load " + dir + ": " + ex.getMessage(), ex);
    }
    return model;
  }

  /** {@return the endpoint names, in the order they were added} */
  public List<String> endpointNames() {
    return new ArrayList<>(endpoints.keySet());
  }

  /**
   * {@return the endpoint named {@code name}}
   *
   * @param name the endpoint's name
   */
  public ExportedEndpoint endpoint(String name) {
    ExportedEndpoint e = endpoints.get(name);
    if (e == null) {
      throw new IllegalArgumentException("The archive " + dir + " has no endpoint '" + name + "'; endpoints: "
          + endpoints.keySet());
    }
    return e;
  }

  /** {@return the names of the variable collections} */
  public List<String> variableCollections() {
    return manifest.collections().stream().map(Manifest.Collection::name).toList();
  }

  /**
   * {@return the variables of collection {@code name}, keyed by variable path in the order they were added}
   *
   * @param name the collection's name
   */
  public Map<String, INDArray> variables(String name) {
    for (Manifest.Collection c : manifest.collections()) {
      if (c.name().equals(name)) {
        try {
          Map<String, INDArray> read = Npz.read(dir.resolve(c.file()));
          Map<String, INDArray> ordered = new LinkedHashMap<>();
          for (String v : c.variables()) {
            INDArray a = read.get(v);
            if (a == null) {
              throw new ExportException(dir.resolve(c.file()) + ": member '" + v + "' is missing");
            }
            ordered.put(v, a);
          }
          return ordered;
        } catch (IOException e) {
          throw new ExportException("Cannot read variable collection '" + name + "': " + e.getMessage(), e);
        }
      }
    }
    throw new IllegalArgumentException("The archive " + dir + " has no variable collection '" + name
        + "'; collections: " + variableCollections());
  }

  /** {@return every endpoint's signature as Keras prints it} */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (ExportedEndpoint e : endpoints.values()) {
      sb.append(e.describe());
    }
    return sb.toString();
  }

  @Override
  public void close() {
    for (ExportedEndpoint e : endpoints.values()) {
      e.close();
    }
  }
}

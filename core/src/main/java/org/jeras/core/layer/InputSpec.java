package org.jeras.core.layer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;

/**
 * What a layer accepts as one input, as Keras's {@code InputSpec}: a dtype, a full shape (batch dim
 * included, {@link Shape#UNKNOWN} matching any size), a rank or rank bounds, fixed sizes of some axes,
 * and whether a trailing axis of size 1 may be missing or extra. Layers declare theirs with
 * {@link Layer#setInputSpec}; {@link Layer#apply} checks the first argument of every call against it
 * with {@link #assertCompatible}.
 */
public final class InputSpec {
  private final DType dtype;
  private final Shape shape;
  private final Integer ndim;
  private final Integer maxNdim;
  private final Integer minNdim;
  private final Map<Integer, Long> axes;
  private final boolean allowLastAxisSqueeze;
  private final String name;
  private final boolean optional;

  private InputSpec(Builder b) {
    this.dtype = b.dtype;
    this.shape = b.shape;
    this.ndim = b.shape != null ? Integer.valueOf(b.shape.rank()) : b.ndim;
    this.maxNdim = b.maxNdim;
    this.minNdim = b.minNdim;
    this.axes = Collections.unmodifiableMap(new LinkedHashMap<>(b.axes));
    this.allowLastAxisSqueeze = b.allowLastAxisSqueeze;
    this.name = b.name;
    this.optional = b.optional;
    Integer bound = ndim != null ? ndim : maxNdim;
    if (bound != null) {
      for (int axis : axes.keySet()) {
        if (axis > bound - 1) {
          throw new IllegalArgumentException("Axis " + axis + " is greater than the maximum allowed value: " + (bound - 1));
        }
      }
    }
  }

  /** {@return a builder of a spec that accepts anything until restricted} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Inputs of exactly rank {@code ndim}.
   *
   * @param ndim the rank
   * @return the spec
   */
  public static InputSpec ndim(int ndim) {
    return builder().ndim(ndim).build();
  }

  /**
   * Inputs of rank at least {@code minNdim}.
   *
   * @param minNdim the minimum rank
   * @return the spec
   */
  public static InputSpec minNdim(int minNdim) {
    return builder().minNdim(minNdim).build();
  }

  /** {@return the required dtype, or null for any} */
  public DType dtype() {
    return dtype;
  }

  /** {@return the required shape, batch dimension included, or null for any} */
  public Shape shape() {
    return shape;
  }

  /** {@return the required rank, or null for any} */
  public Integer ndim() {
    return ndim;
  }

  /** {@return the maximum rank, or null for none} */
  public Integer maxNdim() {
    return maxNdim;
  }

  /** {@return the minimum rank, or null for none} */
  public Integer minNdim() {
    return minNdim;
  }

  /**
   * Fixed sizes by axis (negative axes count from the end).
   *
   * @return the sizes by axis
   */
  public Map<Integer, Long> axes() {
    return axes;
  }

  /**
   * {@return whether an input with an extra last axis of size 1 is accepted (Keras's
   * {@code allow_last_axis_squeeze})}
   */
  public boolean allowLastAxisSqueeze() {
    return allowLastAxisSqueeze;
  }

  /** {@return the input's name, or null} */
  public String name() {
    return name;
  }

  /** {@return whether the input may be absent (None)} */
  public boolean optional() {
    return optional;
  }

  /**
   * Checks {@code inputs} against {@code specs} one by one, as Keras's
   * {@code assert_input_compatibility}: count, rank, rank bounds, dtype, fixed axes, then shape.
   * {@code layerPath} names the layer in the message. A null spec accepts anything.
   *
   * @param specs the specs, one per input
   * @param inputs the inputs
   * @param layerPath the layer's path, for the error
   */
  public static void assertCompatible(List<InputSpec> specs, List<Tensor> inputs, String layerPath) {
    if (specs == null || specs.isEmpty()) {
      return;
    }
    if (inputs.size() != specs.size()) {
      throw new IncompatibleInputException("Layer '" + layerPath + "' expects " + specs.size()
          + " input(s), but it received " + inputs.size() + " input tensors. Inputs received: "
          + inputs.stream().map(t -> t == null ? "None" : t.shape().toString()).toList());
    }
    for (int i = 0; i < specs.size(); i++) {
      InputSpec spec = specs.get(i);
      Tensor x = inputs.get(i);
      if (spec == null || (x == null && spec.optional)) {
        continue;
      }
      if (x == null) {
        throw new IncompatibleInputException("The input '" + spec.name + "' of layer '" + layerPath
            + "' is not optional, but None was passed. Please provide a valid tensor.");
      }
      spec.check(i, x.shape(), x.dtype(), layerPath);
    }
  }

  /**
   * Checks one input of {@code shape} and {@code dtype}, input number {@code index} of {@code layerPath}.
   *
   * @param index the input's position
   * @param inputShape its shape
   * @param inputDtype its dtype
   * @param layerPath the layer's path, for the error
   */
  public void check(int index, Shape inputShape, DType inputDtype, String layerPath) {
    int rank = inputShape.rank();
    if (ndim != null && !allowLastAxisSqueeze && rank != ndim) {
      throw fail(index, layerPath, "expected ndim=" + ndim + ", found ndim=" + rank
          + ". Full shape received: " + inputShape);
    }
    if (maxNdim != null && rank > maxNdim) {
      throw fail(index, layerPath, "expected max_ndim=" + maxNdim + ", found ndim=" + rank);
    }
    if (minNdim != null && rank < minNdim) {
      throw fail(index, layerPath, "expected min_ndim=" + minNdim + ", found ndim=" + rank
          + ". Full shape received: " + inputShape);
    }
    if (dtype != null && inputDtype != dtype) {
      throw fail(index, layerPath, "expected dtype=" + dtype.kerasName() + ", found dtype=" + inputDtype.kerasName());
    }
    for (Map.Entry<Integer, Long> e : axes.entrySet()) {
      long want = e.getValue();
      if (want == Shape.UNKNOWN) {
        continue;
      }
      int axis = e.getKey() < 0 ? e.getKey() + rank : e.getKey();
      long got = axis >= 0 && axis < rank ? inputShape.get(axis) : -2;
      if (got != want && got != Shape.UNKNOWN) {
        throw fail(index, layerPath, "expected axis " + e.getKey() + " of input shape to have value " + want
            + ", but received input with shape " + inputShape);
      }
    }
    if (shape != null) {
      long[] want = shape.dims();
      long[] got = inputShape.dims();
      if (allowLastAxisSqueeze) {
        got = dropTrailingOne(got);
        want = dropTrailingOne(want);
      }
      // As Keras, the leading dims are compared pairwise; a rank difference left after the squeeze is
      // for the model's own rank adjustment to refuse.
      for (int k = 0; k < Math.min(want.length, got.length); k++) {
        if (want[k] != Shape.UNKNOWN && got[k] != Shape.UNKNOWN && want[k] != got[k]) {
          throw fail(index, layerPath, "expected shape=" + shape + ", found shape=" + Shape.of(got));
        }
      }
    }
  }

  private static long[] dropTrailingOne(long[] d) {
    return d.length > 0 && d[d.length - 1] == 1 ? java.util.Arrays.copyOf(d, d.length - 1) : d;
  }

  private IncompatibleInputException fail(int index, String layerPath, String detail) {
    return new IncompatibleInputException("Input " + index + " with name '" + (name == null ? "None" : name)
        + "' of layer '" + layerPath + "' is incompatible with the layer: " + detail);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("InputSpec(");
    String sep = "";
    if (dtype != null) {
      sb.append("dtype=").append(dtype.kerasName());
      sep = ", ";
    }
    if (shape != null) {
      sb.append(sep).append("shape=").append(shape);
      sep = ", ";
    }
    if (ndim != null) {
      sb.append(sep).append("ndim=").append(ndim);
      sep = ", ";
    }
    if (maxNdim != null) {
      sb.append(sep).append("max_ndim=").append(maxNdim);
      sep = ", ";
    }
    if (minNdim != null) {
      sb.append(sep).append("min_ndim=").append(minNdim);
      sep = ", ";
    }
    if (!axes.isEmpty()) {
      sb.append(sep).append("axes=").append(axes);
    }
    return sb.append(')').toString();
  }

  /** Builds an {@link InputSpec}; every field is optional. */
  public static final class Builder {
    private DType dtype;
    private Shape shape;
    private Integer ndim;
    private Integer maxNdim;
    private Integer minNdim;
    private final Map<Integer, Long> axes = new LinkedHashMap<>();
    private boolean allowLastAxisSqueeze;
    private String name;
    private boolean optional;

    private Builder() {}

    /**
     * Requires a dtype.
     *
     * @param dtype the dtype
     * @return this builder
     */
    public Builder dtype(DType dtype) {
      this.dtype = dtype;
      return this;
    }

    /**
     * The full shape, batch dim included; sets the rank too.
     *
     * @param shape the full shape, batch dim included; sets the rank too
     * @return this builder
     */
    public Builder shape(Shape shape) {
      this.shape = shape;
      return this;
    }

    /**
     * Requires a rank.
     *
     * @param ndim the rank
     * @return this builder
     */
    public Builder ndim(int ndim) {
      this.ndim = ndim;
      return this;
    }

    /**
     * Requires a rank of at most {@code maxNdim}.
     *
     * @param maxNdim the maximum rank
     * @return this builder
     */
    public Builder maxNdim(int maxNdim) {
      this.maxNdim = maxNdim;
      return this;
    }

    /**
     * Requires a rank of at least {@code minNdim}.
     *
     * @param minNdim the minimum rank
     * @return this builder
     */
    public Builder minNdim(int minNdim) {
      this.minNdim = minNdim;
      return this;
    }

    /**
     * Axis {@code axis} (negative from the end) must have size {@code size}.
     *
     * @param axis the axis
     * @param size its size
     * @return this builder
     */
    public Builder axis(int axis, long size) {
      axes.put(axis, size);
      return this;
    }

    /**
     * Accepts an extra last axis of size 1.
     *
     * @param allow whether to accept it
     * @return this builder
     */
    public Builder allowLastAxisSqueeze(boolean allow) {
      this.allowLastAxisSqueeze = allow;
      return this;
    }

    /**
     * Names the input.
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Marks the input optional.
     *
     * @param optional whether it may be absent
     * @return this builder
     */
    public Builder optional(boolean optional) {
      this.optional = optional;
      return this;
    }

    /** {@return the spec} */
    public InputSpec build() {
      return new InputSpec(this);
    }
  }
}

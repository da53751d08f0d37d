package org.jeras.core.layer;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jeras.core.config.Config;
import org.jeras.core.config.ConfigException;
import org.jeras.core.config.KerasObject;
import org.jeras.core.config.Registry;
import org.jeras.core.config.Serialization;
import org.jeras.core.constraints.Constraint;
import org.jeras.core.graph.Tracer;
import org.jeras.core.initializers.Initializer;
import org.jeras.core.io.LoadLimits;
import org.jeras.core.ops.MathOps;
import org.jeras.core.ops.TensorLimit;
import org.jeras.core.regularizers.Regularizer;
import org.jeras.core.tensor.DType;
import org.jeras.core.tensor.Nd4jStartup;
import org.jeras.core.tensor.Scratch;
import org.jeras.core.tensor.Shape;
import org.jeras.core.tensor.Tensor;
import org.jeras.core.tensor.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The base of every layer and model, mirroring Keras 3's {@code Layer}: weights are created in
 * {@link #build(Shape)} with {@link #addWeight}, the math lives in {@code call}, and
 * {@link #getConfig()} returns the constructor arguments under Keras's keys.
 *
 * <p>Single-input layers override {@link #call(Tensor, CallContext)}; layers taking a list
 * (merging layers) override {@link #call(List, CallContext)}; layers with keyword inputs or
 * several outputs override {@link #call(CallArgs, CallContext)}.
 *
 * <p>Calling a layer on symbolic tensors (from {@code Input}) builds it and records the call for
 * a functional graph; calling it on concrete tensors computes.
 */
public abstract class Layer implements KerasObject, Serialization.Extras, Serialization.StrictKeys {
  static {
    // Layers and models are where applications usually enter Jeras: start ND4J quietly, threads sized.
    Nd4jStartup.start();
  }

  /**
   * Keys Keras's base {@code Layer} (and {@code Operation}) takes from any layer's config: a layer
   * config may hold them even where this layer's {@code fromConfig} does not read them
   * ({@code autocast} has no effect here; {@code input_shape}/{@code input_dim} are Keras's
   * discouraged way to declare an input, which models saved by Keras 3 record as an InputLayer).
   */
  public static final Set<String> BASE_CONFIG_KEYS =
      Set.of("name", "trainable", "dtype", "autocast", "input_shape", "input_dim");

  private static final ThreadLocal<ArrayDeque<CallContext>> CONTEXT = ThreadLocal.withInitial(ArrayDeque::new);
  /** The layers whose calls are running on this thread, innermost first: the path in input errors. */
  private static final ThreadLocal<ArrayDeque<Layer>> CALLING = ThreadLocal.withInitial(ArrayDeque::new);

  private String name;
  private boolean trainable = true;
  private DTypePolicy dtypePolicy = DTypePolicy.defaultPolicy();
  private Regularizer activityRegularizer;
  private volatile boolean built;
  /** Held while a call builds this layer, so that threads sharing an unbuilt layer build it once. */
  private final Object buildLock = new Object();
  private boolean builtAtInit;
  private JsonObject buildConfig;
  /** Whether this layer passes masks through unchanged when it does not compute them. */
  protected boolean supportsMasking;

  private final List<Variable> trainableVariables = new ArrayList<>();
  private final List<Variable> nonTrainableVariables = new ArrayList<>();
  private final LinkedHashMap<String, Object> tracked = new LinkedHashMap<>();
  private final List<LayerNode> inboundNodes = new ArrayList<>();
  /** The losses of the last call that covered this layer, published whole by {@link CallScope}. */
  private volatile List<Tensor> callLosses = List.of();
  private List<InputSpec> inputSpec = List.of();

  /** A layer named after its class ({@code dense_1}), trainable, with the default dtype policy. */
  protected Layer() {
    this.name = Names.unique(Names.snakeCase(pythonClassName()));
  }

  // ------------------------------------------------------------------ identity and config

  /** {@return the layer's name (automatic names are unique per prefix)} */
  public String name() {
    return name;
  }

  /**
   * Sets the name; returns this layer for chaining, typed as the caller's variable
   * ({@code Dense d = new Dense(4).setName("head")}): every setter of the base class returns
   * {@code asCaller()}.
   *
   * @param <L> the layer type the caller expects
   * @param name the name
   * @return this layer
   */
  public <L extends Layer> L setName(String name) {
    this.name = name;
    return asCaller();
  }

  /**
   * This layer typed as the caller expects, for the base class's fluent setters: one unchecked
   * cast here instead of a covariant override of each setter in every layer class. Assigning the
   * result to a variable of another layer class fails with a ClassCastException.
   */
  @SuppressWarnings("unchecked")
  private <L extends Layer> L asCaller() {
    return (L) this;
  }

  /** {@return whether this layer's weights are trained (Keras's {@code trainable})} */
  public boolean isTrainable() {
    return trainable;
  }

  /**
   * Freezes or unfreezes this layer and everything below it, as Keras's {@code trainable};
   * returns this layer for chaining.
   *
   * @param <L> the layer type the caller expects
   * @param trainable whether to train the weights
   * @return this layer
   */
  public <L extends Layer> L setTrainable(boolean trainable) {
    this.trainable = trainable;
    for (Variable v : trainableVariables) {
      v.setTrainable(trainable);
    }
    for (Layer l : sublayers()) {
      l.setTrainable(trainable);
    }
    return asCaller();
  }

  /** {@return the dtype policy (Keras's {@code dtype_policy})} */
  public DTypePolicy dtypePolicy() {
    return dtypePolicy;
  }

  /**
   * Sets the dtype policy (before the layer is built); returns this layer for chaining.
   *
   * @param <L> the layer type the caller expects
   * @param policy the policy
   * @return this layer
   */
  public <L extends Layer> L setDtypePolicy(DTypePolicy policy) {
    this.dtypePolicy = policy;
    return asCaller();
  }

  /** {@return the dtype of this layer's computations (and outputs)} */
  public DType computeDtype() {
    return dtypePolicy.computeDtype();
  }

  /** {@return the dtype of this layer's weights} */
  public DType variableDtype() {
    return dtypePolicy.variableDtype();
  }

  /** {@return the regularizer of this layer's outputs, or null (Keras's {@code activity_regularizer})} */
  public Regularizer activityRegularizer() {
    return activityRegularizer;
  }

  /**
   * Sets the regularizer of this layer's outputs; returns this layer for chaining.
   *
   * @param <L> the layer type the caller expects
   * @param r the regularizer, or null
   * @return this layer
   */
  public <L extends Layer> L setActivityRegularizer(Regularizer r) {
    this.activityRegularizer = r;
    return asCaller();
  }

  @Override
  public String module() {
    return Registry.moduleOf(this, "keras.layers");
  }

  @Override
  public Set<String> alwaysAllowedKeys() {
    return BASE_CONFIG_KEYS;
  }

  /**
   * The base config every layer shares ({@code name}, {@code trainable}, {@code dtype}, and
   * {@code activity_regularizer} when set); subclasses add their own keys to it.
   */
  @Override
  public Config getConfig() {
    Config c = Config.empty()
        .put("name", name)
        .put("trainable", trainable)
        .put("dtype", Serialization.serialize(dtypePolicy));
    if (activityRegularizer != null) {
      c.put("activity_regularizer", Serialization.serialize(activityRegularizer));
    }
    return c;
  }

  /**
   * Applies the base keys of {@code config} (name, trainable, dtype, activity_regularizer) to this layer.
   *
   * @param <L> this layer's class
   * @param config the layer's config
   * @return this layer
   */
  public <L extends Layer> L withBaseConfig(Config config) {
    if (config.isSet("name")) {
      name = config.getString("name");
    }
    trainable = config.getBoolean("trainable", true);
    if (config.isSet("dtype")) {
      dtypePolicy = DTypePolicy.from(config.get("dtype"));
    }
    if (config.isSet("activity_regularizer")) {
      activityRegularizer = Serialization.deserialize(config.get("activity_regularizer"), Regularizer.class);
    }
    return asCaller();
  }

  @Override
  public void addSerializedExtras(JsonObject dict) {
    JsonObject bc = getBuildConfig();
    if (bc != null) {
      dict.add("build_config", bc);
    }
  }

  @Override
  public void readSerializedExtras(Config dict) {
    if (dict.isSet("build_config") && !built) {
      buildFromConfig(dict.getConfig("build_config"));
    }
  }

  // ------------------------------------------------------------------ building

  /** {@return whether the weights exist (Keras's {@code built})} */
  public boolean isBuilt() {
    return built;
  }

  /**
   * Creates the weights for inputs of {@code inputShape} (batch dim included). Default: none.
   *
   * @param inputShape the input's shape
   */
  protected void build(Shape inputShape) {}

  /**
   * Creates the weights for a list of inputs (merging layers); default: none.
   *
   * @param inputShapes the inputs' shapes
   */
  protected void build(List<Shape> inputShapes) {}

  /**
   * Builds this layer for one input of {@code inputShape}; does nothing when already built.
   *
   * @param inputShape the input's shape
   * @param record whether to record the build config that saving writes
   */
  public final void build(Shape inputShape, boolean record) {
    if (built) {
      return;
    }
    synchronized (buildLock) {
      if (built) {
        return;
      }
      build(inputShape);
      JsonObject bc = new JsonObject();
      bc.add("input_shape", Config.shapeJson(inputShape));
      markBuilt(record ? bc : null);
    }
  }

  /**
   * Marks this layer built, recording {@code buildConfig} (Keras's {@code get_build_config()}).
   *
   * @param buildConfig the build config, or null to record none
   */
  protected final void markBuilt(JsonObject buildConfig) {
    this.built = true;
    if (buildConfig != null && !builtAtInit) {
      this.buildConfig = buildConfig;
    }
  }

  /**
   * Keras's {@code _build_at_init()}: for stateless layers that are built from construction on
   * (Dropout, Activation, pooling, ...), so that they never record a build config.
   */
  protected final void buildAtInit() {
    this.built = true;
    this.builtAtInit = true;
  }

  /**
   * Marks this layer built with {@code buildConfig} whether or not it has a {@code build} (models).
   *
   * @param buildConfig the build config
   */
  protected final void markBuiltWithConfig(JsonObject buildConfig) {
    this.built = true;
    this.buildConfig = buildConfig;
  }

  /**
   * Builds for the shapes of a call's arguments. Default: the first argument's shape (or shapes
   * for a list); layers with several tensor arguments override this and record a
   * {@code shapes_dict}.
   *
   * @param args the call's arguments
   */
  protected void buildFromCall(CallArgs args) {
    Object first = args.args().get(0);
    if (first instanceof Tensor t) {
      build(t.shape(), true);
      return;
    }
    List<Shape> shapes = new ArrayList<>();
    JsonArray json = new JsonArray();
    for (Tensor t : args.tensors(0)) {
      shapes.add(t.shape());
      json.add(Config.shapeJson(t.shape()));
    }
    build(shapes);
    JsonObject bc = new JsonObject();
    bc.add("input_shape", json);
    markBuilt(bc);
  }

  /** {@return Keras's {@code get_build_config()}: the shapes this layer was built with, or null} */
  public JsonObject getBuildConfig() {
    return buildConfig;
  }

  /**
   * Keras's {@code build_from_config()}: builds from {@code {"input_shape": ...}} or {@code {"shapes_dict": ...}}.
   *
   * @param config the saved build config
   */
  public void buildFromConfig(Config config) {
    if (built) {
      return;
    }
    if (config.isSet("input_shape")) {
      JsonElement s = config.get("input_shape");
      if (isShapeList(s)) {
        List<Shape> shapes = new ArrayList<>();
        for (JsonElement e : s.getAsJsonArray()) {
          shapes.add(Config.toShape("input_shape", e));
        }
        build(shapes);
        markBuilt(config.json());
      } else {
        build(Config.toShape("input_shape", s), true);
      }
    } else if (config.isSet("shapes_dict")) {
      buildFromShapesDict(config.getConfig("shapes_dict"));
      markBuilt(config.json());
    }
  }

  /**
   * Builds from Keras's {@code shapes_dict} ({@code {"query_shape": ..., ...}}); layers that record one override.
   *
   * @param shapesDict the shapes by argument name
   */
  protected void buildFromShapesDict(Config shapesDict) {
    throw new ConfigException("Layer '" + name + "' (" + className() + ") cannot build from shapes_dict " + shapesDict);
  }

  private static boolean isShapeList(JsonElement s) {
    return s.isJsonArray() && s.getAsJsonArray().size() > 0 && s.getAsJsonArray().get(0).isJsonArray();
  }

  // ------------------------------------------------------------------ weights

  /**
   * Creates a weight of this layer, as Keras's {@code add_weight}.
   *
   * @param weightName the weight's name
   * @param shape its shape
   * @param initializer its initializer
   * @param regularizer its regularizer, or null
   * @param constraint its constraint, or null
   * @param trainableWeight whether the weight is trainable
   * @return the weight
   */
  protected Variable addWeight(String weightName, long[] shape, Initializer initializer,
      Regularizer regularizer, Constraint constraint, boolean trainableWeight) {
    DType dtype = variableDtype();
    checkWeightSize(weightName, shape, dtype);
    // Random draws for a model whose weights come from a file next would only be overwritten.
    INDArray init = initializer == null || LoadLimits.weightsFollow() ? Nd4j.zeros(dtype.nd4j(), shape)
        : initializer.generate(shape, dtype);
    Variable v = new Variable(weightName, name + "/" + weightName, init, trainableWeight && trainable);
    if (regularizer != null) {
      v.setRegularizer(regularizer::apply);
    }
    if (constraint != null) {
      v.setConstraint(w -> constraint.apply(Tensor.of(w)).value());
    }
    (trainableWeight ? trainableVariables : nonTrainableVariables).add(v);
    return v;
  }

  /**
   * The checks of a weight's size, before anything is allocated: against what a model loaded from
   * a file may create ({@link LoadLimits#chargeWeights}), then against the bound on any one tensor
   * ({@link TensorLimit}).
   */
  private void checkWeightSize(String weightName, long[] shape, DType dtype) {
    LoadLimits.chargeWeights(shape, dtype.nd4j().width(), "Weight '" + name + "/" + weightName + "'", true);
    TensorLimit.check("variable '" + weightName + "' of layer '" + name + "' (" + className() + ")", shape, dtype);
  }

  /**
   * A trainable weight made and kept in bounds as the settings of {@code prefix} in {@code specs} say.
   *
   * @param weightName the weight's name
   * @param shape its shape
   * @param specs the layer's weight settings
   * @param prefix the weight's config prefix
   * @return the weight
   */
  protected Variable addWeight(String weightName, long[] shape, WeightSpecs specs, String prefix) {
    WeightSpecs.Spec spec = specs.get(prefix);
    return addWeight(weightName, shape, spec.initializer(), spec.regularizer(), spec.constraint(), true);
  }

  /**
   * Shorthand for a trainable weight without regularizer or constraint.
   *
   * @param weightName the weight's name
   * @param shape its shape
   * @param initializer its initializer
   * @return the weight
   */
  protected Variable addWeight(String weightName, long[] shape, Initializer initializer) {
    return addWeight(weightName, shape, initializer, null, null, true);
  }

  /**
   * A non-trainable, zero-filled state weight of an explicit dtype, as Keras's
   * {@code add_weight(..., dtype="int", trainable=False)} (e.g. Normalization's {@code count}).
   *
   * @param weightName the weight's name
   * @param shape its shape
   * @param dtype its dtype
   * @return the weight
   */
  protected Variable addStateWeight(String weightName, long[] shape, DType dtype) {
    checkWeightSize(weightName, shape, dtype);
    Variable v = new Variable(weightName, name + "/" + weightName, Nd4j.zeros(dtype.nd4j(), shape), false);
    nonTrainableVariables.add(v);
    return v;
  }

  /**
   * This layer's own variables in Keras's order ({@code _trainable_variables} then
   * {@code _non_trainable_variables}), as {@code save_own_variables} numbers them.
   *
   * @return the own variables
   */
  public List<Variable> ownVariables() {
    List<Variable> out = new ArrayList<>(trainableVariables);
    out.addAll(nonTrainableVariables);
    return out;
  }

  /**
   * All weights: own trainable, own non-trainable, then each sublayer's, without duplicates.
   *
   * @return the weights
   */
  public List<Variable> weights() {
    List<Variable> out = new ArrayList<>();
    Set<Variable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    collectWeights(out, seen, null);
    return out;
  }

  /** {@return the weights an optimizer updates: trainable weights of trainable layers} */
  public List<Variable> trainableWeights() {
    if (!trainable) {
      return List.of();
    }
    List<Variable> out = new ArrayList<>();
    Set<Variable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    collectWeights(out, seen, Boolean.TRUE);
    return out;
  }

  /**
   * {@return the weights that training leaves alone: non-trainable ones and all of a frozen layer's (Keras's
   * {@code non_trainable_weights})}
   */
  public List<Variable> nonTrainableWeights() {
    List<Variable> all = weights();
    all.removeAll(trainableWeights());
    return all;
  }

  private void collectWeights(List<Variable> out, Set<Variable> seen, Boolean trainableOnly) {
    for (Variable v : trainableVariables) {
      // As Keras's trainable_weights: a weight frozen on its own (e.g. a kernel under LoRA) is left out.
      if ((trainableOnly == null || (trainable && v.isTrainable())) && seen.add(v)) {
        out.add(v);
      }
    }
    if (trainableOnly == null) {
      for (Variable v : nonTrainableVariables) {
        if (seen.add(v)) {
          out.add(v);
        }
      }
    }
    for (Layer l : sublayers()) {
      if (trainableOnly == null || l.trainable) {
        l.collectWeights(out, seen, trainableOnly);
      }
    }
  }

  /**
   * Copies of all weight values, in {@link #weights()} order.
   *
   * @return the values
   */
  public List<INDArray> getWeights() {
    List<INDArray> out = new ArrayList<>();
    for (Variable v : weights()) {
      out.add(v.array().dup());
    }
    return out;
  }

  /**
   * Sets all weight values, in {@link #weights()} order; shapes must match.
   *
   * @param values one array per weight
   */
  public void setWeights(List<INDArray> values) {
    List<Variable> vars = weights();
    if (values.size() != vars.size()) {
      throw new IllegalArgumentException("Layer '" + name + "' expects " + vars.size()
          + " weight arrays, got " + values.size());
    }
    for (int i = 0; i < vars.size(); i++) {
      vars.get(i).assign(values.get(i));
    }
  }

  /** {@return the number of scalars in all weights} */
  public long countParams() {
    long n = 0;
    for (Variable v : weights()) {
      n += v.array().length();
    }
    return n;
  }

  // ------------------------------------------------------------------ tracking (the saving walk)

  /**
   * Tracks {@code child} (a layer, a list of layers, or another saveable) under attribute name
   * {@code attr}, as assigning {@code self.attr = child} does in Keras. The saving walk addresses
   * children by these names.
   *
   * @param <T> the child's type
   * @param attr the attribute's name
   * @param child the child
   * @return {@code child}
   */
  protected <T> T track(String attr, T child) {
    tracked.put(attr, child);
    return child;
  }

  /**
   * Tracked attributes in the order they were tracked.
   *
   * @return the attributes by name
   */
  public Map<String, Object> trackedAttributes() {
    return Collections.unmodifiableMap(tracked);
  }

  /**
   * Direct child layers, in tracking order.
   *
   * @return the layers
   */
  public List<Layer> sublayers() {
    List<Layer> out = new ArrayList<>();
    for (Object o : tracked.values()) {
      if (o instanceof Layer l) {
        out.add(l);
      } else if (o instanceof List<?> list) {
        for (Object x : list) {
          if (x instanceof Layer l) {
            out.add(l);
          }
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ saving hooks

  /**
   * Keras's {@code save_own_variables}: own variables under keys {@code "0"}, {@code "1"}, ...
   *
   * @param store where to write
   */
  public void saveOwnVariables(VariableStore store) {
    List<Variable> vars = ownVariables();
    for (int i = 0; i < vars.size(); i++) {
      store.put(Integer.toString(i), vars.get(i));
    }
  }

  /**
   * Keras's {@code load_own_variables}: the inverse of {@link #saveOwnVariables}, with shape checks.
   *
   * @param store the saved variables
   */
  public void loadOwnVariables(VariableStore store) {
    List<Variable> vars = ownVariables();
    if (store.keys().size() != vars.size()) {
      throw new ConfigException("Layer '" + name + "' expected " + vars.size() + " variables, but received "
          + store.keys().size() + " variables during loading (at " + store.path() + ")");
    }
    for (int i = 0; i < vars.size(); i++) {
      Variable v = vars.get(i);
      store.readInto(Integer.toString(i), v, "variable");
    }
  }

  /**
   * Keras's {@code save_assets}: writes files into {@code dir}; default none.
   *
   * @param dir this layer's assets directory
   * @throws IOException if writing fails
   */
  public void saveAssets(Path dir) throws IOException {}

  /**
   * Keras's {@code load_assets}: reads files written by {@link #saveAssets}; default none.
   *
   * @param dir this layer's assets directory
   * @throws IOException if reading fails
   */
  public void loadAssets(Path dir) throws IOException {}

  // ------------------------------------------------------------------ input checks

  /**
   * Declares what this layer accepts, one spec per tensor of its first argument (Keras's
   * {@code self.input_spec = ...}); layers set it in their constructor and refine it in {@code build}.
   *
   * @param specs one spec per input tensor
   */
  protected final void setInputSpec(InputSpec... specs) {
    this.inputSpec = List.of(specs);
  }

  /**
   * {@return the specs every call's first argument is checked against; empty when the layer accepts anything}
   */
  public List<InputSpec> inputSpec() {
    return inputSpec;
  }

  /**
   * This layer's name prefixed with the names of the layers whose calls are running around it on this
   * thread ({@code model/block/dense}): how input errors name it.
   *
   * @return the path
   */
  public String callPath() {
    StringBuilder sb = new StringBuilder();
    var outer = CALLING.get().descendingIterator();
    while (outer.hasNext()) {
      Layer l = outer.next();
      if (l != this) {
        sb.append(l.name).append('/');
      }
    }
    return sb.append(name).toString();
  }

  /**
   * {@return whether this layer's call takes text (string) tensors} Layers compute on numbers unless they say
   * otherwise (lookups, hashing, text vectorization, models, identity-like layers); a custom layer
   * whose call takes strings overrides this. Text handed to any other layer is refused with a typed
   * error before it reaches a kernel.
   */
  public boolean acceptsText() {
    return false;
  }

  private void checkInputs(CallArgs args) {
    if (!acceptsText()) {
      List<Tensor> tensors = args.allTensors();
      for (int i = 0; i < tensors.size(); i++) {
        if (tensors.get(i).dtype() == DType.STRING) {
          throw new IncompatibleInputException("Input " + i + " of layer '" + callPath() + "' (" + className()
              + ") is incompatible with the layer: expected a numeric dtype, found dtype=string with shape "
              + tensors.get(i).shape());
        }
      }
    }
    List<InputSpec> specs = inputSpec();
    if (specs.isEmpty() || args.args().isEmpty()) {
      return;
    }
    Object first = args.args().get(0);
    if (first instanceof Tensor || first instanceof List<?>) {
      InputSpec.assertCompatible(specs, args.tensors(0), callPath());
    }
  }

  // ------------------------------------------------------------------ calling

  /**
   * Applies this layer to one tensor (symbolic or concrete); the training flag is inherited.
   *
   * @param input the input
   * @return the output
   */
  public Tensor apply(Tensor input) {
    return single(apply(CallArgs.of(input)));
  }

  /**
   * Applies this layer to one tensor in training or inference mode.
   *
   * @param input the input
   * @param training whether to run in training mode
   * @return the output
   */
  public Tensor apply(Tensor input, boolean training) {
    return single(apply(CallArgs.of(input), CallContext.of(training)));
  }

  /**
   * Applies a layer taking a list of tensors (e.g. {@code Add}, {@code Concatenate}).
   *
   * @param inputs the inputs
   * @return the output
   */
  public Tensor apply(List<Tensor> inputs) {
    return single(apply(CallArgs.ofList(inputs)));
  }

  /**
   * Applies a layer taking a list of tensors to the tensors given, as Keras's {@code layer([a, b])}:
   * {@code new Add().apply(a, b)}.
   *
   * @param first the first input
   * @param second the second input
   * @param more further inputs
   * @return the output
   */
  public Tensor apply(Tensor first, Tensor second, Tensor... more) {
    List<Tensor> inputs = new ArrayList<>(2 + more.length);
    inputs.add(first);
    inputs.add(second);
    inputs.addAll(Arrays.asList(more));
    return apply(inputs);
  }

  /**
   * Applies this layer to a general call (keyword arguments, several outputs).
   *
   * @param args the call's arguments
   * @return the outputs
   */
  public List<Tensor> apply(CallArgs args) {
    CallContext ctx = CONTEXT.get().peek();
    return apply(args, ctx == null ? CallContext.INFERENCE : ctx);
  }

  /**
   * Applies this layer with an explicit context; nested layer calls inherit it.
   *
   * @param args the call's arguments
   * @param ctx the call's context
   * @return the outputs
   */
  public List<Tensor> apply(CallArgs args, CallContext ctx) {
    List<Tensor> tensors = args.allTensors();
    boolean symbolic = !tensors.isEmpty() && tensors.get(0).isSymbolic();
    if (callTakesMask() && args.args().size() == 1 && args.args().get(0) instanceof Tensor t
        && tensors.size() == 1 && !args.kwargs().containsKey("mask") && (symbolic || t.mask() != null)) {
      // Keras's __call__ hands a call with a `mask` parameter its input's mask when the input is the
      // call's only tensor argument (not, e.g., with an RNN's initial_state), in eager calls as in
      // symbolic ones; a symbolic node records it.
      args = args.with("mask", t.mask());
    }
    // Keras's __call__ checks the first argument against the spec before building (a spec set at
    // construction), again after the build that refined it, and on every later call: the one check
    // for every layer.
    checkInputs(args);
    if (!built) {
      synchronized (buildLock) {
        if (!built) {
          buildFromCall(args);
          built = true;
        }
      }
      checkInputs(args);
    }
    if (symbolic) {
      return applySymbolic(args);
    }
    CallArgs cast = args.map(this::autocast);
    ArrayDeque<CallContext> stack = CONTEXT.get();
    ArrayDeque<Layer> calling = CALLING.get();
    CallScope scope = CallScope.enter(this);
    stack.push(ctx);
    calling.push(this);
    boolean traced = Tracer.enterLayer(name());
    try {
      List<Tensor> outputs = call(cast, ctx);
      outputs = withOutputMask(outputs, computeMask(cast, outputs));
      if (activityRegularizer != null) {
        for (Tensor o : outputs) {
          Tensor penalty = activityRegularizer.apply(o);
          // Keras divides the activity penalty by the batch size.
          addLoss(MathOps.mul(penalty, 1.0 / o.shape().get(0)));
        }
      }
      return outputs;
    } finally {
      calling.pop();
      stack.pop();
      Tracer.exitLayer(traced);
      if (scope != null) {
        scope.close();
      }
    }
  }

  /** The outputs carrying {@code mask} where {@link #masksOutput} says so (Keras's {@code _set_mask_metadata}). */
  private List<Tensor> withOutputMask(List<Tensor> outputs, Tensor mask) {
    if (mask == null && !supportsMasking) {
      return outputs;
    }
    List<Tensor> masked = new ArrayList<>(outputs.size());
    for (int i = 0; i < outputs.size(); i++) {
      masked.add(outputs.get(i).withMask(masksOutput(i) ? mask : null));
    }
    return masked;
  }

  private Tensor autocast(Tensor t) {
    DType target = computeDtype();
    if (t.dtype().isFloating() && t.dtype() != target && autocastsInputs()) {
      return MathOps.cast(t, target).withMask(t.mask());
    }
    return t;
  }

  /**
   * Whether this layer's Keras {@code call} has a {@code mask} parameter (models, RNNs): a symbolic
   * call then records its input's mask as the {@code mask} keyword of the node, as Keras does.
   *
   * @return whether the call takes a mask
   */
  protected boolean callTakesMask() {
    return false;
  }

  /**
   * Whether floating inputs are cast to the compute dtype before {@code call} (Keras's
   * {@code autocast}); graph operations compute in their inputs' dtypes, as Keras's ops do.
   *
   * @return whether inputs are autocast
   */
  protected boolean autocastsInputs() {
    return !(this instanceof GraphOperation);
  }

  /**
   * The general call; by default dispatches to the single-tensor or list form.
   *
   * @param args the call's arguments
   * @param ctx the call's context
   * @return the outputs
   */
  protected List<Tensor> call(CallArgs args, CallContext ctx) {
    Object first = args.args().get(0);
    if (first instanceof Tensor t) {
      return List.of(call(t, ctx));
    }
    return List.of(call(args.tensors(0), ctx));
  }

  /**
   * The math of a single-input layer.
   *
   * @param input the input
   * @param ctx the call's context
   * @return the output
   */
  protected Tensor call(Tensor input, CallContext ctx) {
    throw new IncompatibleInputException("Layer '" + callPath() + "' (" + className() + ") takes a list of tensors,"
        + " but it received a single tensor of shape " + input.shape());
  }

  /**
   * The math of a layer over a list of inputs.
   *
   * @param inputs the inputs
   * @param ctx the call's context
   * @return the output
   */
  protected Tensor call(List<Tensor> inputs, CallContext ctx) {
    throw new IncompatibleInputException("Layer '" + callPath() + "' (" + className() + ") takes a single tensor,"
        + " but it received " + inputs.size() + " input tensors of shapes " + inputs.stream().map(Tensor::shape).toList());
  }

  /**
   * Whether {@link #computeMask}'s mask belongs to output {@code index}: Keras's layers with extra
   * outputs (attention scores) leave those unmasked.
   *
   * @param index the output's position
   * @return whether that output carries the mask
   */
  protected boolean masksOutput(int index) {
    return true;
  }

  /**
   * The mask of the outputs, as Keras's {@code compute_mask}. Default: layers that support masking
   * pass the first input's mask through; others drop it. Called on symbolic tensors too when a
   * functional graph is built: a mask computed by ops must then build it from symbolic ops.
   *
   * @param args the call's arguments
   * @param outputs the call's outputs
   * @return the mask, or null
   */
  protected Tensor computeMask(CallArgs args, List<Tensor> outputs) {
    if (!supportsMasking) {
      return null;
    }
    List<Tensor> in = args.allTensors();
    return in.isEmpty() ? null : in.get(0).mask();
  }

  /**
   * Adds a loss to the running call (Keras's {@code add_loss}); it is collected with the call's
   * other losses, per thread, and replaces this layer's losses when the outermost call ends.
   *
   * @param loss the loss, a scalar
   */
  protected void addLoss(Tensor loss) {
    CallScope.addLoss(this, loss);
  }

  /** Sets the losses another thread sees for this layer's last call (an immutable list). */
  void publishCallLosses(List<Tensor> losses) {
    callLosses = losses;
  }

  /**
   * Copies this thread's last call's losses out of the {@link Scratch} scope that is closing (the
   * copies other threads see are made when the call ends).
   */
  public void keepCallLosses() {
    CallScope.keepLast();
  }

  /**
   * Keras's {@code layer.losses}: the penalties of the last call plus the weight regularization of
   * this layer and every layer below it.
   *
   * @return the losses
   */
  public List<Tensor> losses() {
    List<Tensor> own = CallScope.ownLosses(this);
    List<Tensor> out = new ArrayList<>(own == null ? callLosses : own);
    for (Variable v : trainableVariables) {
      if (v.regularizer() != null) {
        out.add(v.regularizer().apply(v.read()));
      }
    }
    for (Layer l : sublayers()) {
      out.addAll(l.losses());
    }
    return out;
  }

  // ------------------------------------------------------------------ symbolic calls

  private List<Tensor> applySymbolic(CallArgs args) {
    List<Tensor> specs = computeOutputSpec(args);
    int nodeIndex = inboundNodes.size();
    List<Tensor> outputs = new ArrayList<>(specs.size());
    for (int i = 0; i < specs.size(); i++) {
      outputs.add(Tensor.symbolic(specs.get(i).shape(), specs.get(i).dtype(), new KerasHistory(this, nodeIndex, i)));
    }
    // As Keras's __call__ on symbolic tensors, the mask is computed on the symbolic inputs: a mask
    // made by ops records those ops as graph nodes, so the calls that consume it (an RNN's `mask`)
    // record it as an argument and the model's call replays it. The node keeps the masked outputs,
    // the very tensors later calls receive.
    outputs = withOutputMask(outputs, computeMask(args, outputs));
    inboundNodes.add(new LayerNode(this, args, outputs));
    return outputs;
  }

  /**
   * Shapes and dtypes of the outputs for symbolic inputs. As Keras's: a layer that defines
   * {@link #computeOutputShape} gets its shape in the compute dtype, without running {@code call}
   * (which may need state that is loaded later). Otherwise runs the layer in inference on zeros
   * twice, with unknown dims set to two different sizes; output dims that change are unknown.
   *
   * @param args the call's symbolic arguments
   * @return symbolic outputs of the right shapes and dtypes
   */
  public List<Tensor> computeOutputSpec(CallArgs args) {
    if (definesOutputShape() && args.args().size() == 1 && args.args().get(0) instanceof Tensor t) {
      return List.of(Tensor.symbolic(computeOutputShape(t.shape()), computeDtype(), null));
    }
    return specByCalling(args);
  }

  private List<Tensor> specByCalling(CallArgs args) {
    List<Tensor> a;
    List<Tensor> b;
    // The dummy calls' losses are nobody's.
    CallScope discard = CallScope.enterDiscarding();
    try {
      a = call(dummy(args, 2), CallContext.INFERENCE);
      b = call(dummy(args, 3), CallContext.INFERENCE);
    } finally {
      discard.close();
    }
    List<Tensor> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      long[] da = a.get(i).value().shape();
      long[] db = b.get(i).value().shape();
      long[] d = da.clone();
      for (int k = 0; k < d.length; k++) {
        if (k >= db.length || da[k] != db[k]) {
          d[k] = Shape.UNKNOWN;
        }
      }
      out.add(Tensor.symbolic(Shape.of(d), a.get(i).dtype(), null));
    }
    return out;
  }

  private CallArgs dummy(CallArgs args, long unknownSize) {
    return args.map(t -> {
      long[] d = t.shape().dims();
      for (int i = 0; i < d.length; i++) {
        if (d[i] == Shape.UNKNOWN) {
          d[i] = unknownSize;
        }
      }
      DType dt = t.dtype().isFloating() ? (autocastsInputs() ? computeDtype() : t.dtype()) : t.dtype();
      // The sizes come from the model's config (an Input's shape): bounded like a weight.
      LoadLimits.chargeWeights(d, dt.nd4j().width(), "The sample input of layer '" + name + "'", false);
      TensorLimit.check("a trial input of layer '" + name + "' (" + className() + ")", d, dt);
      return Tensor.of(Nd4j.zeros(dt.nd4j(), d));
    });
  }

  /**
   * Records a symbolic call of this layer (used by layers that create their own nodes).
   *
   * @param node the call's node
   */
  protected final void registerNode(LayerNode node) {
    inboundNodes.add(node);
  }

  /** {@return the calls of this layer recorded while building functional graphs, in order} */
  public List<LayerNode> inboundNodes() {
    return Collections.unmodifiableList(inboundNodes);
  }

  /** {@return the symbolic output of this layer's first call (Keras's {@code layer.output})} */
  public Tensor output() {
    if (inboundNodes.isEmpty()) {
      throw new IllegalStateException("Layer '" + name + "' has never been called on a symbolic input");
    }
    return single(inboundNodes.get(0).outputs());
  }

  private Tensor single(List<Tensor> outputs) {
    if (outputs.size() != 1) {
      throw new IllegalStateException("Layer '" + name + "' returned " + outputs.size()
          + " outputs; use apply(CallArgs) to get them all");
    }
    return outputs.get(0);
  }

  /**
   * The output shape for an input shape (batch dim included), Keras's {@code compute_output_shape}.
   * Default: builds the layer and asks {@link #computeOutputSpec}. Layers that can tell their
   * shape without running {@code call} override this, and {@link #computeOutputSpec} then uses it.
   *
   * @param inputShape the input's shape
   * @return the output's shape
   */
  public Shape computeOutputShape(Shape inputShape) {
    buildIfNeeded(inputShape);
    CallArgs args = CallArgs.of(Tensor.symbolic(inputShape, computeDtype(), null));
    // An override that calls this default must not be called back by computeOutputSpec.
    return (definesOutputShape() ? specByCalling(args) : computeOutputSpec(args)).get(0).shape();
  }

  /**
   * Builds this layer for {@code inputShape} unless it is built: {@link #computeOutputShape}
   * overrides call it first, so that they leave the layer built as the default does.
   *
   * @param inputShape the input's shape
   */
  protected final void buildIfNeeded(Shape inputShape) {
    if (!built) {
      build(inputShape, true);
    }
  }

  private static final ClassValue<Boolean> DEFINES_OUTPUT_SHAPE = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      try {
        return type.getMethod("computeOutputShape", Shape.class).getDeclaringClass() != Layer.class;
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(e);
      }
    }
  };

  /** Whether this layer's class overrides {@link #computeOutputShape} (Keras's {@code utils.is_default} test). */
  private boolean definesOutputShape() {
    return DEFINES_OUTPUT_SHAPE.get(getClass());
  }

  @Override
  public String toString() {
    return "<" + className() + " name=" + name + ", built=" + built + ">";
  }
}

package org.jeras.core.layer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.jeras.core.tensor.Tensor;

/**
 * The arguments of one layer call, as Keras records them in a functional graph's
 * {@code inbound_nodes}: positional {@code args} and keyword {@code kwargs}. A value is a
 * {@link Tensor}, a {@code List<Tensor>}, or a plain constant (Boolean, Number, String or null).
 */
public final class CallArgs {
  private final List<Object> args;
  private final Map<String, Object> kwargs;

  private CallArgs(List<Object> args, Map<String, Object> kwargs) {
    this.args = Collections.unmodifiableList(new ArrayList<>(args));
    this.kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
  }

  /**
   * {@return a call with positional and keyword arguments}
   *
   * @param args the positional arguments
   * @param kwargs the keyword arguments, by Keras's names
   */
  public static CallArgs of(List<Object> args, Map<String, Object> kwargs) {
    return new CallArgs(args, kwargs);
  }

  /**
   * A call with one tensor argument.
   *
   * @param input the tensor
   * @return the call
   */
  public static CallArgs of(Tensor input) {
    return new CallArgs(List.of(input), Map.of());
  }

  /**
   * A call with one list-of-tensors argument (merge layers).
   *
   * @param inputs the tensors
   * @return the call
   */
  public static CallArgs ofList(List<Tensor> inputs) {
    return new CallArgs(List.of(List.copyOf(inputs)), Map.of());
  }

  /** {@return the positional arguments} */
  public List<Object> args() {
    return args;
  }

  /** {@return the keyword arguments, by Keras's names} */
  public Map<String, Object> kwargs() {
    return kwargs;
  }

  /**
   * This call with keyword {@code key} set to {@code value}.
   *
   * @param key the keyword
   * @param value its value
   * @return a new call
   */
  public CallArgs with(String key, Object value) {
    Map<String, Object> k = new LinkedHashMap<>(kwargs);
    k.put(key, value);
    return new CallArgs(args, k);
  }

  /**
   * Positional argument {@code i} as a tensor.
   *
   * @param i the argument's position
   * @return the tensor
   */
  public Tensor tensor(int i) {
    Object o = args.get(i);
    if (o instanceof Tensor t) {
      return t;
    }
    throw new IllegalArgumentException("Argument " + i + " must be a tensor, got " + describe(o));
  }

  /**
   * Positional argument {@code i} as a list of tensors (a single tensor becomes a list of one).
   *
   * @param i the argument's position
   * @return the tensors
   */
  @SuppressWarnings("unchecked")
  public List<Tensor> tensors(int i) {
    Object o = args.get(i);
    if (o instanceof Tensor t) {
      return List.of(t);
    }
    if (o instanceof List<?> l) {
      return (List<Tensor>) l;
    }
    throw new IllegalArgumentException("Argument " + i + " must be tensors, got " + describe(o));
  }

  /**
   * Keyword tensor, or null when absent.
   *
   * @param key the keyword
   * @return the tensor
   */
  public Tensor kwTensor(String key) {
    Object o = kwargs.get(key);
    if (o == null || o instanceof Tensor) {
      return (Tensor) o;
    }
    throw new IllegalArgumentException("Keyword '" + key + "' must be a tensor, got " + describe(o));
  }

  /**
   * Keyword list of tensors (a single tensor becomes a list of one), or null when absent.
   *
   * @param key the keyword
   * @return the tensors
   */
  @SuppressWarnings("unchecked")
  public List<Tensor> kwTensors(String key) {
    Object o = kwargs.get(key);
    if (o == null) {
      return null;
    }
    if (o instanceof Tensor t) {
      return List.of(t);
    }
    return (List<Tensor>) o;
  }

  /**
   * {@return the boolean keyword argument {@code key}, or {@code defaultValue} when absent}
   *
   * @param key the keyword
   * @param defaultValue the value when absent
   */
  public boolean kwBool(String key, boolean defaultValue) {
    Object o = kwargs.get(key);
    return o == null ? defaultValue : (Boolean) o;
  }

  /** {@return every tensor in the call, positional first, in order} */
  public List<Tensor> allTensors() {
    List<Tensor> out = new ArrayList<>();
    for (Object o : args) {
      collect(o, out);
    }
    for (Object o : kwargs.values()) {
      collect(o, out);
    }
    return out;
  }

  /**
   * The tensors in Keras's {@code tree.flatten((args, kwargs))} order: positional arguments first,
   * then keyword arguments by sorted key (the order of a node's {@code input_tensors}).
   *
   * @return the tensors, flattened
   */
  public List<Tensor> flatTensors() {
    List<Tensor> out = new ArrayList<>();
    for (Object o : args) {
      collect(o, out);
    }
    for (Object o : new TreeMap<>(kwargs).values()) {
      collect(o, out);
    }
    return out;
  }

  /**
   * The call with every tensor replaced through {@code f} (same structure).
   *
   * @param f the replacement of each tensor
   * @return the new call
   */
  public CallArgs map(UnaryOperator<Tensor> f) {
    List<Object> a = new ArrayList<>();
    for (Object o : args) {
      a.add(mapValue(o, f));
    }
    Map<String, Object> k = new LinkedHashMap<>();
    kwargs.forEach((key, o) -> k.put(key, mapValue(o, f)));
    return new CallArgs(a, k);
  }

  private static Object mapValue(Object o, UnaryOperator<Tensor> f) {
    if (o instanceof Tensor t) {
      return f.apply(t);
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object x : l) {
        out.add(mapValue(x, f));
      }
      return out;
    }
    return o;
  }

  private static void collect(Object o, List<Tensor> out) {
    if (o instanceof Tensor t) {
      out.add(t);
    } else if (o instanceof List<?> l) {
      for (Object x : l) {
        collect(x, out);
      }
    }
  }

  private static String describe(Object o) {
    return o == null ? "null" : o.getClass().getSimpleName();
  }
}

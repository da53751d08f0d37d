package org.jeras.core.config;

import java.math.BigDecimal;

/**
 * A float that prints as Python's {@code repr} does ({@code 1e-07}, {@code 0.001}, {@code 5.0}), so
 * that configs Jeras writes read exactly like those Keras writes.
 */
public final class PyNumber extends Number {
  /** The number. */
  private final double value;

  private PyNumber(double value) {
    this.value = value;
  }

  /**
   * {@return the float {@code value}, printing as Python does}
   *
   * @param value the value
   */
  public static PyNumber of(double value) {
    return new PyNumber(value);
  }

  @Override
  public String toString() {
    return repr(value);
  }

  /**
   * Python's {@code repr(float)}: shortest round-trip digits, scientific below 1e-4 and from 1e16.
   *
   * @param v the value
   * @return the text Python prints
   */
  public static String repr(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Infinity" : "-Infinity";
    }
    if (v == 0) {
      return (1 / v < 0) ? "-0.0" : "0.0";
    }
    BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
    String digits = d.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - d.scale(); // decimal exponent of the first digit
    String sign = v < 0 ? "-" : "";
    if (exponent < -4 || exponent >= 16) {
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String exp = (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
      return sign + mantissa + "e" + exp;
    }
    String plain = d.abs().toPlainString();
    return sign + (plain.contains(".") ? plain : plain + ".0");
  }

  @Override
  public int intValue() {
    return (int) value;
  }

  @Override
  public long longValue() {
    return (long) value;
  }

  @Override
  public float floatValue() {
    return (float) value;
  }

  @Override
  public double doubleValue() {
    return value;
  }
}

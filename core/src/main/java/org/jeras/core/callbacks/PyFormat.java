package org.jeras.core.callbacks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/**
 * The part of Python's {@code str.format} that Keras users put in callback file paths:
 * {@code {name}} and {@code {name:spec}} with spec {@code [0][width][.precision][d|f|e|g|s]},
 * and {@code {{ }}} escapes; e.g. {@code "ckpt-{epoch:02d}-{val_loss:.2f}.keras"}.
 */
public final class PyFormat {
  private PyFormat() {}

  /**
   * Python's {@code f"{v:.Nf}"}: the exact binary value rounded half-even to {@code precision}
   * decimals (Java's {@code %f} rounds the shortest decimal half-up, which differs on ties),
   * {@code nan}/{@code inf}, and the sign kept on values that round to zero.
   *
   * @param v the value
   * @param precision the number of decimals
   * @return the text
   */
  public static String fixed(double v, int precision) {
    if (!Double.isFinite(v)) {
      return nonFinite(v);
    }
    String digits = new BigDecimal(v).abs().setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
    return negative(v) ? "-" + digits : digits;
  }

  /**
   * Python's {@code f"{v:.Ne}"}: {@code precision} decimals, half-even, an exponent of at least two digits.
   *
   * @param v the value
   * @param precision the number of decimals
   * @return the text
   */
  public static String scientific(double v, int precision) {
    if (!Double.isFinite(v)) {
      return nonFinite(v);
    }
    String sign = negative(v) ? "-" : "";
    if (v == 0) {
      return sign + (precision == 0 ? "0" : "0." + "0".repeat(precision)) + "e+00";
    }
    BigDecimal rounded = new BigDecimal(v).abs().round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
    int exp = rounded.precision() - rounded.scale() - 1;
    StringBuilder digits = new StringBuilder(rounded.unscaledValue().toString());
    while (digits.length() < precision + 1) {
      digits.append('0');
    }
    String mantissa = precision == 0 ? digits.substring(0, 1) : digits.charAt(0) + "." + digits.substring(1, precision + 1);
    return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
  }

  private static boolean negative(double v) {
    return v < 0 || (v == 0 && 1 / v < 0);
  }

  private static String nonFinite(double v) {
    return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
  }

  /**
   * Formats {@code template} with {@code values} ({@link Integer}/{@link Long} or {@link Double});
   * a missing key fails as Keras's {@code ModelCheckpoint} reports it.
   */
  static String format(String template, Map<String, ? extends Number> values) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
        out.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
        out.append('}');
        i += 2;
      } else if (c == '{') {
        int end = template.indexOf('}', i);
        if (end < 0) {
          throw new IllegalArgumentException("Single '{' encountered in format string: \"" + template + "\"");
        }
        String field = template.substring(i + 1, end);
        int colon = field.indexOf(':');
        String name = colon < 0 ? field : field.substring(0, colon);
        String spec = colon < 0 ? "" : field.substring(colon + 1);
        Number value = values.get(name);
        if (value == null) {
          throw new IllegalArgumentException(
              "Failed to format this callback filepath: \"" + template + "\". Reason: '" + name + "'");
        }
        out.append(field(value, spec, template));
        i = end + 1;
      } else if (c == '}') {
        throw new IllegalArgumentException("Single '}' encountered in format string: \"" + template + "\"");
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static String field(Number value, String spec, String template) {
    int p = 0;
    boolean zero = false;
    if (p < spec.length() && spec.charAt(p) == '0') {
      zero = true;
      p++;
    }
    int width = 0;
    while (p < spec.length() && Character.isDigit(spec.charAt(p))) {
      width = width * 10 + (spec.charAt(p++) - '0');
    }
    int precision = -1;
    if (p < spec.length() && spec.charAt(p) == '.') {
      p++;
      int start = p;
      precision = 0;
      while (p < spec.length() && Character.isDigit(spec.charAt(p))) {
        precision = precision * 10 + (spec.charAt(p++) - '0');
      }
      if (p == start) {
        throw badSpec(spec, template);
      }
    }
    char type = p < spec.length() ? spec.charAt(p++) : 0;
    if (p != spec.length()) {
      throw badSpec(spec, template);
    }
    boolean integral = value instanceof Integer || value instanceof Long;
    String body = switch (type) {
      case 'd' -> {
        if (!integral) {
          throw new IllegalArgumentException("Unknown format code 'd' for object of type 'float' in \"" + template + "\"");
        }
        yield Long.toString(value.longValue());
      }
      case 'f' -> fixed(value.doubleValue(), precision < 0 ? 6 : precision);
      case 'e' -> scientific(value.doubleValue(), precision < 0 ? 6 : precision);
      case 'g' -> general(value.doubleValue(), precision < 0 ? 6 : Math.max(precision, 1));
      case 0, 's' -> integral ? Long.toString(value.longValue())
          : precision >= 0 ? general(value.doubleValue(), Math.max(precision, 1)) : repr(value.doubleValue());
      default -> throw badSpec(spec, template);
    };
    if (body.length() >= width) {
      return body;
    }
    String pad = (zero ? "0" : " ").repeat(width - body.length());
    if (zero && body.startsWith("-")) {
      return "-" + pad + body.substring(1);
    }
    return pad + body;
  }

  /** Python's {@code g}: {@code precision} significant digits, trailing zeros dropped. */
  private static String general(double v, int precision) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return (1 / v < 0) ? "-0" : "0";
    }
    BigDecimal rounded = new BigDecimal(v).round(new MathContext(precision, RoundingMode.HALF_EVEN));
    int exp = rounded.precision() - rounded.scale() - 1;
    if (exp >= -4 && exp < precision) {
      return stripZeros(String.format(Locale.ROOT, "%." + Math.max(precision - 1 - exp, 0) + "f", v));
    }
    String sci = String.format(Locale.ROOT, "%." + (precision - 1) + "e", v);
    int e = sci.indexOf('e');
    return stripZeros(sci.substring(0, e)) + sci.substring(e);
  }

  private static String stripZeros(String s) {
    if (!s.contains(".")) {
      return s;
    }
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** Python's {@code repr} of a float (shortest round-trip digits). */
  private static String repr(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
    int exp = d.precision() - d.scale() - 1;
    if (exp >= -4 && exp < 16) {
      String plain = d.toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    String digits = d.unscaledValue().abs().toString();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (v < 0 ? "-" : "") + mantissa + "e" + (exp < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
  }

  private static IllegalArgumentException badSpec(String spec, String template) {
    return new IllegalArgumentException("Unsupported format spec ':" + spec + "' in \"" + template
        + "\"; supported: [0][width][.precision][d|f|e|g|s]");
  }
}

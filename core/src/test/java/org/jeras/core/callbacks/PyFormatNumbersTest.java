package org.jeras.core.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * PyFormat's fixed and scientific formats equal CPython's {@code f"{v:.Nf}"} and {@code f"{v:.Ne}"}
 * (expected strings printed by CPython 3): the exact binary value rounded half-even, where Java's
 * {@code %f}/{@code %e} round the shortest decimal half-up.
 */
class PyFormatNumbersTest {
  @Test
  void fixedRoundsTheBinaryValueHalfEven() {
    assertEquals("0.12", PyFormat.fixed(0.125, 2));
    assertEquals("2.67", PyFormat.fixed(2.675, 2));
    assertEquals("1.0001", PyFormat.fixed(1.00005, 4));
    assertEquals("-0.0000", PyFormat.fixed(-0.00001, 4));
    assertEquals("0", PyFormat.fixed(0.5, 0));
    assertEquals("2", PyFormat.fixed(1.5, 0));
    assertEquals("2", PyFormat.fixed(2.5, 0));
    assertEquals("8", PyFormat.fixed(7.5, 0));
    assertEquals("nan", PyFormat.fixed(Double.NaN, 4));
    assertEquals("-inf", PyFormat.fixed(Double.NEGATIVE_INFINITY, 4));
  }

  @Test
  void scientificHasPythonsMantissaAndExponent() {
    assertEquals("4.2000e-04", PyFormat.scientific(0.00042, 4));
    assertEquals("-7.0000e-01", PyFormat.scientific(-0.7, 4));
    assertEquals("1.0000e-04", PyFormat.scientific(9.99996e-5, 4));
    assertEquals("0.0000e+00", PyFormat.scientific(0.0, 4));
    assertEquals("-0.0000e+00", PyFormat.scientific(-0.0, 4));
    assertEquals("1.0000e-07", PyFormat.scientific(1e-7, 4));
    assertEquals("1.23e+05", PyFormat.scientific(123456.0, 2));
    assertEquals("1.5000e+300", PyFormat.scientific(1.5e300, 4));
    assertEquals("4.941e-324", PyFormat.scientific(Double.MIN_VALUE, 3));
    assertEquals("inf", PyFormat.scientific(Double.POSITIVE_INFINITY, 4));
  }
}

package com.connectopsreview.shared.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PercentTest {

  @Test
  void oneDecimalHalfUpAndExact() {
    assertEquals(new BigDecimal("16.7"), Percent.of(1, 6));
    assertEquals(new BigDecimal("40.0"), Percent.of(6, 15));
    assertEquals(new BigDecimal("0.0"), Percent.of(0, 6));
    assertEquals(new BigDecimal("0.1"), Percent.of(1, 2_000), "0.05 rounds half up");
    assertEquals(new BigDecimal("100.0"), Percent.of(6, 6));
  }

  @Test
  void aShareOfNothingIsTheCallersToSay() {
    assertThrows(IllegalArgumentException.class, () -> Percent.of(0, 0));
  }
}

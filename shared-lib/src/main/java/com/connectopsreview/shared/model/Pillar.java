package com.connectopsreview.shared.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Well-Architected pillar a finding belongs to. Serialized by its display name. */
public enum Pillar {
  SECURITY("Security"),
  RELIABILITY("Reliability"),
  OPERATIONAL_EXCELLENCE("Operational Excellence"),
  PERFORMANCE("Performance"),
  COST("Cost");

  private final String displayName;

  Pillar(String displayName) {
    this.displayName = displayName;
  }

  @JsonValue
  public String displayName() {
    return displayName;
  }

  /** Accepts the display name or the enum constant name. */
  @JsonCreator
  public static Pillar of(String value) {
    return Arrays.stream(values())
        .filter(p -> p.displayName.equalsIgnoreCase(value) || p.name().equalsIgnoreCase(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown pillar '" + value + "'"));
  }
}

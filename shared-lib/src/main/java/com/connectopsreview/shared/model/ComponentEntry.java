package com.connectopsreview.shared.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/** One component's line in the manifest. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComponentEntry(ComponentStatus status, String reason, Long durationMs) {

  public ComponentEntry {
    Objects.requireNonNull(status, "status");
  }

  public static ComponentEntry pending() {
    return new ComponentEntry(ComponentStatus.PENDING, null, null);
  }
}

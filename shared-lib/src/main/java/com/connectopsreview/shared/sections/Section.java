package com.connectopsreview.shared.sections;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The typed {@code data} payload of one component, written by its analyzer and read back by the
 * report generator. Every section serializes {@code "schemaVersion"} first; it is not read back into
 * the record, because a reader must check it before binding: a payload without one was stored before
 * versions were written and is version 1, a higher version than the reader's was written by a newer
 * version of the suite.
 */
@JsonPropertyOrder({"schemaVersion"})
@JsonIgnoreProperties(value = "schemaVersion", allowGetters = true)
public interface Section {

  /** The version of the shape this record writes; raised when a field changes meaning or goes away. */
  @JsonProperty("schemaVersion")
  int schemaVersion();
}

package com.connectopsreview.shared.exception;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request that cannot be run. The message names every bad field, e.g. {@code daysBack: must be an
 * integer between 1 and 90 (got 0)}. Nothing is written when this is thrown.
 */
public class InvalidRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** One problem with one field; {@code field} is a JSON path such as {@code analyzers[1]}. */
  public record FieldError(String field, String problem) {
    @Override
    public String toString() {
      return field + ": " + problem;
    }
  }

  private final transient List<FieldError> errors;

  public InvalidRequestException(List<FieldError> errors) {
    super("Invalid review request: "
        + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public static InvalidRequestException of(String field, String problem) {
    return new InvalidRequestException(List.of(new FieldError(field, problem)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}

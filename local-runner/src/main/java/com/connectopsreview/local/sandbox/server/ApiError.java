package com.connectopsreview.local.sandbox.server;

/**
 * An AWS error answer: the error code the SDK maps to an exception class, the HTTP status, and the
 * message. Thrown by operation handlers; each protocol renders it in its own shape.
 */
public final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final int status;

  public ApiError(String code, int status, String message) {
    super(message);
    this.code = code;
    this.status = status;
  }

  /** E.g. {@code ResourceNotFoundException}. */
  public String code() {
    return code;
  }

  public int status() {
    return status;
  }
}

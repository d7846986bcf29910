package com.connectopsreview.shared.exception;

/** A result-store operation failed (I/O, service error, corrupt stored object). */
public class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

package com.connectopsreview.orchestrator;

/** An analyzer or the report generator could not be invoked or answered with an error. */
public class InvocationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvocationException(String message) {
    super(message);
  }

  public InvocationException(String message, Throwable cause) {
    super(message, cause);
  }
}

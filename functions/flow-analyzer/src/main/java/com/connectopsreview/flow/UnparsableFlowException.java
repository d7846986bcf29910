package com.connectopsreview.flow;

/** Flow content that is not a Flow Language document; the message says where and why. */
public final class UnparsableFlowException extends Exception {

  private static final long serialVersionUID = 1L;

  public UnparsableFlowException(String message) {
    super(message);
  }
}

package com.connectopsreview.shared.exception;

/** A missing or malformed environment setting; thrown at init so the function fails fast. */
public class ConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }
}

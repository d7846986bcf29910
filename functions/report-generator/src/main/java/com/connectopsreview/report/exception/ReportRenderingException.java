package com.connectopsreview.report.exception;

/** A report template could not be loaded or rendered (a defect of the template, not of the data). */
public class ReportRenderingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ReportRenderingException(String message, Throwable cause) {
    super(message, cause);
  }
}

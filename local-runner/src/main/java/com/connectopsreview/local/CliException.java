package com.connectopsreview.local;

/** A problem the CLI reports as one line on stderr, with the exit code it ends with. */
final class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  static CliException badInput(String message) {
    return new CliException(ExitCodes.BAD_INPUT, message);
  }

  int exitCode() {
    return exitCode;
  }
}

package com.connectopsreview.local.sandbox;

/** A connection to a non-loopback destination, refused by {@link LoopbackGuard} before it was made. */
public final class LoopbackViolationException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String target;

  public LoopbackViolationException(String target) {
    super("blocked by the loopback guard: a connection to " + target
        + " would leave the loopback interface (the sandbox serves only 127.0.0.1)");
    this.target = target;
  }

  /** The refused destination, {@code scheme://host:port}. */
  public String target() {
    return target;
  }
}

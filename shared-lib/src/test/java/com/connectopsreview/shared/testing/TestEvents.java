package com.connectopsreview.shared.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The real-shaped payloads of {@code events/} (the files {@code sam local invoke -e} uses), which the
 * parent pom puts on every module's test classpath under {@code events/}.
 */
public final class TestEvents {

  private TestEvents() {}

  /** The payload as the Lambda runtime hands it to a stream handler, e.g. {@code open("analyzer-request-phone.json")}. */
  public static InputStream open(String name) {
    InputStream in = TestEvents.class.getClassLoader().getResourceAsStream("events/" + name);
    if (in == null) {
      throw new IllegalStateException("events/" + name + " is not on the test classpath");
    }
    return in;
  }

  public static byte[] bytes(String name) {
    try (InputStream in = open(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

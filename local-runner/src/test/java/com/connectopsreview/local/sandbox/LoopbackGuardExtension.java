package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every sandbox test runs under the {@link LoopbackGuard}: a request that would leave 127.0.0.1
 * fails, and the test fails afterwards if any was attempted.
 */
public final class LoopbackGuardExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LoopbackGuardExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getStore(NS).put("guard", LoopbackGuard.install());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    LoopbackGuard.Installed guard = guard(context);
    assertEquals(List.of(), guard.violations(), "requests tried to leave the loopback interface");
  }

  @Override
  public void afterAll(ExtensionContext context) {
    guard(context).close();
  }

  private static LoopbackGuard.Installed guard(ExtensionContext context) {
    ExtensionContext root = context;
    while (root.getStore(NS).get("guard") == null && root.getParent().isPresent()) {
      root = root.getParent().get();
    }
    return root.getStore(NS).get("guard", LoopbackGuard.Installed.class);
  }
}

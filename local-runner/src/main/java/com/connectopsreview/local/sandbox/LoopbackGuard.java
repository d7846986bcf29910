package com.connectopsreview.local.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Makes every connection that would leave the loopback interface fail, and records it.
 *
 * <p>It installs a default {@link ProxySelector}. The JDK consults the default selector before
 * every {@code java.net.URL} connection (which is what the SDK's url-connection HTTP client opens)
 * and before every plain {@code java.net.Socket} connect, so a request to any host that is not a
 * loopback literal ({@code 127.0.0.0/8}, {@code ::1}) or {@code localhost} throws
 * {@link LoopbackViolationException} before a single packet is sent. Host names are never
 * resolved: a name other than {@code localhost} is a violation as it stands.
 *
 * <p>Not covered: NIO {@code SocketChannel}s ({@code java.net.http.HttpClient}, Netty, the CRT
 * client), which do not consult the default selector. This project uses only the url-connection
 * client, and the sandbox tests check that.
 *
 * <pre>{@code
 * try (LoopbackGuard.Installed guard = LoopbackGuard.install(); Sandbox box = Sandbox.start(options)) {
 *   ...
 *   assert guard.violations().isEmpty();
 * }
 * }</pre>
 */
public final class LoopbackGuard {

  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  private static final Object LOCK = new Object();

  private LoopbackGuard() {}

  /** Installs the guard as the JVM's default proxy selector until the result is closed. */
  public static Installed install() {
    synchronized (LOCK) {
      Installed installed = new Installed(ProxySelector.getDefault());
      ProxySelector.setDefault(installed.selector);
      return installed;
    }
  }

  /** True for a loopback IP literal or {@code localhost}; never resolves a name. */
  public static boolean isLoopback(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (IPV4_LOOPBACK.matcher(h).matches()) {
      return true;
    }
    if (h.indexOf(':') >= 0 && h.matches("[0-9a-f:.]+")) {
      try {
        // An IPv6 literal: getByName parses it without any lookup.
        return InetAddress.getByName(h).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return false;
  }

  /** The installed guard: its violations so far, and {@link #close()} to restore the previous selector. */
  public static final class Installed implements AutoCloseable {

    private final ProxySelector previous;
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final ProxySelector selector = new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        if (uri == null) {
          throw new IllegalArgumentException("uri is null");
        }
        if (isLoopback(uri.getHost())) {
          return List.of(Proxy.NO_PROXY);
        }
        String target = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        violations.add(target);
        throw new LoopbackViolationException(target);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException e) {
        // NO_PROXY only: nothing to fail over to.
      }
    };

    private Installed(ProxySelector previous) {
      this.previous = previous;
    }

    /** Every blocked destination ({@code scheme://host:port}), in order; repeated attempts repeat. */
    public List<String> violations() {
      return List.copyOf(violations);
    }

    /** Restores the selector that was the default before; a later-installed guard stays if it is still current. */
    @Override
    public void close() {
      synchronized (LOCK) {
        if (ProxySelector.getDefault() == selector) {
          ProxySelector.setDefault(previous);
        }
      }
    }
  }
}

package com.connectopsreview.local.sandbox.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.connectopsreview.local.sandbox.SandboxOptions;
import com.connectopsreview.local.sandbox.Scenario;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded WireMock server: bound to 127.0.0.1 on a free port, no files read or written, one
 * catch-all stub whose answer the {@link SandboxTransformer} replaces with the dispatcher's.
 */
public final class SandboxServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);
  static final String BIND_ADDRESS = "127.0.0.1";

  private final WireMockServer server;
  private final Dispatcher dispatcher;
  private final URI endpoint;

  private SandboxServer(WireMockServer server, Dispatcher dispatcher) {
    this.server = server;
    this.dispatcher = dispatcher;
    this.endpoint = URI.create("http://" + BIND_ADDRESS + ":" + server.port());
  }

  /**
   * Starts serving {@code scenario}; ready when this returns.
   *
   * @throws IllegalArgumentException if the options name an operation the sandbox does not serve
   */
  public static SandboxServer start(Scenario scenario, SandboxOptions options) {
    Dispatcher dispatcher = new Dispatcher(scenario, OperationRegistry.standard(scenario), options);
    WireMockServer server = new WireMockServer(wireMockConfig()
        .bindAddress(BIND_ADDRESS)
        .dynamicPort()
        .notifier(new QuietNotifier())
        // Never load stubs from ./mappings of whatever directory the runner was started in.
        .mappingSource(NO_FILES)
        .disableRequestJournal()
        .gzipDisabled(true)
        .stubCorsEnabled(false)
        .extensions(new SandboxTransformer(dispatcher, options.latency())));
    server.start();
    try {
      server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody("sandbox transformer not applied")));
    } catch (RuntimeException e) {
      server.stop();
      throw e;
    }
    return new SandboxServer(server, dispatcher);
  }

  public URI endpoint() {
    return endpoint;
  }

  public Dispatcher dispatcher() {
    return dispatcher;
  }

  @Override
  public void close() {
    server.stop();
  }

  /** WireMock's chatter goes to SLF4J at debug; its errors at warn. */
  private static final class QuietNotifier implements Notifier {
    @Override
    public void info(String message) {
      LOG.debug("wiremock: {}", message);
    }

    @Override
    public void error(String message) {
      LOG.warn("wiremock: {}", message);
    }

    @Override
    public void error(String message, Throwable t) {
      LOG.warn("wiremock: {} ({})", message, t.toString());
    }
  }

  private static final MappingsSource NO_FILES = new MappingsSource() {
    @Override
    public void loadMappingsInto(StubMappings stubMappings) {
      // nothing to load: the only stub is added in code
    }

    @Override
    public void save(List<StubMapping> stubMappings) {
      // never written to disk
    }

    @Override
    public void save(StubMapping stubMapping) {
      // never written to disk
    }

    @Override
    @SuppressWarnings("removal")
    public void remove(StubMapping stubMapping) {
      // nothing on disk
    }

    @Override
    public void removeAll() {
      // nothing on disk
    }
  };
}

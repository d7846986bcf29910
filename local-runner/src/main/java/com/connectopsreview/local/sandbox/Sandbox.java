package com.connectopsreview.local.sandbox;

import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.local.sandbox.server.SandboxServer;
import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.model.InstanceRef;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The offline sandbox: a fictional Amazon Connect contact center ({@link Scenario}) served over the
 * real AWS wire protocols by an embedded WireMock on 127.0.0.1, one endpoint for every service.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL))) {
 *   AwsClients clients = new AwsClients(counter, sandbox.clientOptions());
 *   ... review sandbox.instance() ...
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

  /** Any static credentials do: the sandbox checks that requests are signed, not by whom. */
  public static final AwsBasicCredentials CREDENTIALS = AwsBasicCredentials.create("AKIDSANDBOX", "sandbox-secret");

  private final SandboxOptions options;
  private final Scenario scenario;
  private final SandboxServer server;

  private Sandbox(SandboxOptions options, Scenario scenario, SandboxServer server) {
    this.options = options;
    this.scenario = scenario;
    this.server = server;
  }

  /**
   * Generates the scenario and starts serving it on a free loopback port; ready when this returns.
   *
   * @throws IllegalArgumentException if a fault names an operation the sandbox does not serve
   */
  public static Sandbox start(SandboxOptions options) {
    long started = System.nanoTime();
    Scenario scenario = new ScenarioGenerator(options.seed(), options.size()).generate();
    SandboxServer server = SandboxServer.start(scenario, options);
    LOG.info("sandbox {} (seed {}, rate limits {}, latency {} ms, {} faults, throttle-first {}) on {} in {} ms",
        options.size(), options.seed(), options.rateLimits() ? "on" : "off", options.latency().toMillis(),
        options.faults().size(), options.throttleFirst(), server.endpoint(), (System.nanoTime() - started) / 1_000_000);
    return new Sandbox(options, scenario, server);
  }

  /** {@code http://127.0.0.1:<port>}: the endpoint of every service the sandbox speaks. */
  public URI endpoint() {
    return server.endpoint();
  }

  public SandboxOptions options() {
    return options;
  }

  public Scenario scenario() {
    return scenario;
  }

  public InstanceRef instance() {
    return scenario.instanceRef();
  }

  /** Static fake credentials for clients of the sandbox. */
  public static AwsCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(CREDENTIALS);
  }

  /** Client options that send every SDK client to this sandbox with fake credentials. */
  public AwsClients.Options clientOptions() {
    return AwsClients.Options.defaults().withEndpoint(endpoint()).withCredentials(credentials());
  }

  /**
   * Answers that were not throttling errors, by {@code Service:Operation} (the ApiCallCounter's keys).
   * A call throttled and then retried successfully counts once here (and once in
   * {@link #throttledCalls()}); an error answer, including an injected fault, counts too.
   */
  public Map<String, Long> servedCalls() {
    return server.dispatcher().servedCalls();
  }

  /**
   * Throttling answers, over the rate limit or among the first calls of a listing
   * ({@link SandboxOptions#throttleFirst()}): each service's own error (Connect ThrottlingException,
   * Kinesis / Firehose LimitExceededException, ...).
   */
  public Map<String, Long> throttledCalls() {
    return server.dispatcher().throttledCalls();
  }

  /** Requests no operation served (they were answered with UnknownOperationException). */
  public List<String> unroutedRequests() {
    return server.dispatcher().unroutedRequests();
  }

  /** Every operation served: {@code Service:Operation} with its route, protocol and rate limit. */
  public List<OperationRegistry.Operation> operations() {
    return server.dispatcher().registry().operations();
  }

  @Override
  public void close() {
    server.close();
  }
}

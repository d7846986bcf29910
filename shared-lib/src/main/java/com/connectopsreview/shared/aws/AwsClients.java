package com.connectopsreview.shared.aws;

import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3BaseClientBuilder;

/**
 * Builds every SDK client once per execution environment (per client type and region) and shares it.
 *
 * <ul>
 *   <li>Region: from the Connect instance ARN (callers pass {@code Region.of(instance.region())}).
 *   <li>One HTTP client, url-connection, with explicit timeouts.
 *   <li>Endpoint: the SDK's standard resolution is left in charge, so {@code AWS_ENDPOINT_URL},
 *       {@code AWS_ENDPOINT_URL_<SERVICE>} and the profile's {@code endpoint_url} redirect calls to a
 *       sandbox, WireMock or LocalStack (verified for the pinned SDK by {@code AwsClientsEndpointTest}).
 *   <li>Retries: the SDK's standard mode (3 attempts, jittered exponential backoff, longer after
 *       throttling). Not adaptive: its client-side rate limit assumes one client per throttled
 *       resource, while one shared client here serves dozens of separately throttled operations,
 *       so a throttled listing would slow every other call (8x the wall time on the sandbox with
 *       {@code --throttle-first 2}). {@link ApiCallCounter} paces per operation instead.
 *   <li>Every call is counted and paced by the given {@link ApiCallCounter}.
 * </ul>
 */
public final class AwsClients implements ServiceClients {

  /**
   * Timeouts, credentials and an optional fixed endpoint; {@link #defaults()} suits analyzers.
   *
   * @param credentials null for the SDK's default chain
   * @param endpoint null to let the SDK resolve it (AWS_ENDPOINT_URL etc.); set by tests and the
   *     sandbox to send every client to one local endpoint
   */
  public record Options(
      Duration connectTimeout,
      Duration socketTimeout,
      Duration apiCallAttemptTimeout,
      Duration apiCallTimeout,
      AwsCredentialsProvider credentials,
      URI endpoint) {

    public Options {
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      Objects.requireNonNull(socketTimeout, "socketTimeout");
      Objects.requireNonNull(apiCallAttemptTimeout, "apiCallAttemptTimeout");
      Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
      if (apiCallAttemptTimeout.compareTo(apiCallTimeout) > 0) {
        throw new IllegalArgumentException("apiCallAttemptTimeout " + apiCallAttemptTimeout
            + " is longer than apiCallTimeout " + apiCallTimeout + ": no retry could ever run");
      }
    }

    /**
     * 5 s to connect, 30 s to read; one attempt may take 35 s (a hung connection is retried instead
     * of eating the analyzer's budget), the call with its retries 90 s.
     */
    public static Options defaults() {
      return new Options(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(35),
          Duration.ofSeconds(90), null, null);
    }

    /** Another read timeout (e.g. a synchronous Lambda invoke); one attempt may last connect + read, at most the call. */
    public Options withSocketTimeout(Duration socket, Duration apiCall) {
      Duration attempt = socket.plus(connectTimeout);
      return new Options(connectTimeout, socket, attempt.compareTo(apiCall) > 0 ? apiCall : attempt, apiCall,
          credentials, endpoint);
    }

    public Options withCredentials(AwsCredentialsProvider provider) {
      return new Options(connectTimeout, socketTimeout, apiCallAttemptTimeout, apiCallTimeout, provider, endpoint);
    }

    public Options withEndpoint(URI fixedEndpoint) {
      return new Options(connectTimeout, socketTimeout, apiCallAttemptTimeout, apiCallTimeout, credentials,
          fixedEndpoint);
    }
  }

  private record Key(Class<?> type, Region region) {}

  private final ApiCallCounter counter;
  private final Options options;
  private final SdkHttpClient httpClient;
  private final AwsCredentialsProvider credentials;
  private final Map<Key, SdkClient> clients = new ConcurrentHashMap<>();

  public AwsClients(ApiCallCounter counter, Options options) {
    this.counter = Objects.requireNonNull(counter, "counter");
    this.options = Objects.requireNonNull(options, "options");
    this.httpClient = UrlConnectionHttpClient.builder()
        .connectionTimeout(options.connectTimeout())
        .socketTimeout(options.socketTimeout())
        .build();
    this.credentials = options.credentials() != null
        ? options.credentials()
        : DefaultCredentialsProvider.builder().build();
  }

  public ApiCallCounter counter() {
    return counter;
  }

  /**
   * Clients like these (same counter, timeouts, endpoint) that sign with {@code provider}: for an
   * analyzer that reads through an assumed role. Built lazily; the caller keeps the returned factory.
   */
  public AwsClients withCredentials(AwsCredentialsProvider provider) {
    return new AwsClients(counter, options.withCredentials(Objects.requireNonNull(provider, "provider")));
  }

  /** The shared client of {@code type} for {@code region}, built with the type's own {@code builder()}. */
  @Override
  public <C extends SdkClient> C client(Class<C> type, Region region) {
    SdkClient client = clients.computeIfAbsent(new Key(type, region), k -> buildReflectively(type, region));
    return type.cast(client);
  }

  /**
   * The shared client of {@code type} for {@code region}, built on first use.
   *
   * <pre>{@code ConnectClient connect = clients.client(ConnectClient.class, region, ConnectClient::builder);}</pre>
   */
  public <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C client(
      Class<C> type, Region region, Supplier<B> builder) {
    SdkClient client = clients.computeIfAbsent(new Key(type, region), k -> configure(builder.get(), region).build());
    return type.cast(client);
  }

  /** Applies this factory's settings to a builder; for callers that need extra builder options. */
  public <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> B configure(
      B builder, Region region) {
    applyTo(builder, region);
    return builder;
  }

  /** Raw types: {@link #buildReflectively} only knows the builder's generic parameters at run time. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void applyTo(AwsClientBuilder builder, Region region) {
    if (options.endpoint() != null) {
      builder.endpointOverride(options.endpoint());
      // One fixed endpoint (sandbox, WireMock) cannot serve bucket.host names: S3 goes path-style.
      if (builder instanceof S3BaseClientBuilder<?, ?> s3) {
        s3.forcePathStyle(true);
      }
    }
    builder.region(region)
        .credentialsProvider(credentials)
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .retryStrategy(RetryMode.STANDARD)
            .apiCallAttemptTimeout(options.apiCallAttemptTimeout())
            .apiCallTimeout(options.apiCallTimeout())
            .addExecutionInterceptor(counter)
            .build());
    ((AwsSyncClientBuilder) builder).httpClient(httpClient);
  }

  /** The client type's own {@code builder()} (every generated sync client has one), configured. */
  @SuppressWarnings("rawtypes")
  private SdkClient buildReflectively(Class<? extends SdkClient> type, Region region) {
    Object builder;
    try {
      builder = type.getMethod("builder").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(type.getName() + " has no static builder()", e);
    }
    if (!(builder instanceof AwsClientBuilder && builder instanceof AwsSyncClientBuilder)) {
      throw new IllegalArgumentException(type.getName() + " is not a synchronous AWS service client");
    }
    applyTo((AwsClientBuilder) builder, region);
    return (SdkClient) ((AwsClientBuilder) builder).build();
  }
}

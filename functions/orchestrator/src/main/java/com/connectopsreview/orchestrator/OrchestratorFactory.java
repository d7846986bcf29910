package com.connectopsreview.orchestrator;

import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.registry.AnalyzerRegistry;
import com.connectopsreview.shared.store.ResultStore;
import com.connectopsreview.shared.store.ResultStoreFactory;
import com.connectopsreview.shared.validation.ReviewRequestParser;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Wires the deployed orchestrator: Lambda invokers, the configured store, the request parser. */
public final class OrchestratorFactory {

  /** Margin over the longest analyzer for the Lambda client's socket and call timeouts. */
  static final Duration INVOKE_MARGIN = Duration.ofSeconds(30);

  private OrchestratorFactory() {}

  public static Orchestrator fromEnvironment(Map<String, String> env, Clock clock) {
    OrchestratorConfig config = OrchestratorConfig.fromEnvironment(env);
    Region ownRegion = new DefaultAwsRegionProviderChain().getRegion();
    AwsClients clients = new AwsClients(new ApiCallCounter(ApiRateLimiter.unlimited()), lambdaTimeouts());
    LambdaClient lambda = clients.client(LambdaClient.class, ownRegion, LambdaClient::builder);
    ResultStore store = ResultStoreFactory.forLambda(env);
    LambdaFunctionCaller caller = new LambdaFunctionCaller(lambda);
    return create(config, store, new LambdaAnalyzerInvoker(caller, config.analyzerFunctions()),
        new LambdaReportInvoker(caller, config.reportFunction()), clock);
  }

  /** Presigned report links, in the function's own Region, valid for REPORT_URL_EXPIRY_MINUTES (default 60). */
  static ReportLinks reportLinks(Map<String, String> env) {
    java.time.Duration expiry = ReportLinks.expiry(env);
    return new ReportLinks(software.amazon.awssdk.services.s3.presigner.S3Presigner.builder()
        .region(new DefaultAwsRegionProviderChain().getRegion()).build(), expiry);
  }

  /** The orchestrator with any invokers (the local runner passes in-process ones). */
  public static Orchestrator create(
      OrchestratorConfig config, ResultStore store, AnalyzerInvoker analyzers, ReportInvoker reports,
      Clock clock) {
    return create(config, store, analyzers, reports, clock,
        ReviewService.Settings.standard(config.analyzerOptions()));
  }

  /** As {@link #create(OrchestratorConfig, ResultStore, AnalyzerInvoker, ReportInvoker, Clock)} with explicit settings. */
  public static Orchestrator create(
      OrchestratorConfig config, ResultStore store, AnalyzerInvoker analyzers, ReportInvoker reports,
      Clock clock, ReviewService.Settings settings) {
    ReviewRequestParser parser = new ReviewRequestParser(clock, config.defaultInstanceArn(), settings.names());
    return new Orchestrator(parser, new ReviewService(store, analyzers, reports, clock, settings));
  }

  /**
   * A synchronous invoke holds the connection open until the analyzer answers, so the socket (read)
   * timeout must outlast the longest analyzer; url-connection's default read timeout is 30 s.
   */
  static AwsClients.Options lambdaTimeouts() {
    Duration longest = AnalyzerRegistry.longestTimeout().compareTo(AnalyzerRegistry.REPORT_TIMEOUT) > 0
        ? AnalyzerRegistry.longestTimeout() : AnalyzerRegistry.REPORT_TIMEOUT;
    Duration socket = longest.plus(INVOKE_MARGIN);
    return AwsClients.Options.defaults().withSocketTimeout(socket, socket.plus(INVOKE_MARGIN));
  }
}

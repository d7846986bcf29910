package com.connectopsreview.logs;

import com.connectopsreview.shared.analyzer.Analyzer;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.store.ResultStore;
import java.time.Clock;

/**
 * Builds the logs analyzer, for its Lambda handler ({@link LogAnalyzerHandler}) and in-process (the
 * local runner). The flow-log group the stack was deployed with comes from the environment, read
 * once here; tests construct {@link LogAnalyzer} with a group of their own.
 */
public final class LogAnalyzerFactory {

  /** The component name (registry, store key). */
  public static final String COMPONENT = "logs";

  /**
   * The flow-log group of the stack parameter AmazonConnectCloudWatchLogGroup; the request option
   * {@code logGroup} takes precedence over it.
   */
  public static final String FLOW_LOG_GROUP_ENV = "CONNECT_FLOW_LOG_GROUP";

  private LogAnalyzerFactory() {}

  /** An {@link com.connectopsreview.shared.analyzer.AnalyzerFactory}. */
  public static Analyzer create(ServiceClients clients, ResultStore store, Clock clock) {
    return new LogAnalyzer(clients, System.getenv(FLOW_LOG_GROUP_ENV), Sleeper.THREAD);
  }
}

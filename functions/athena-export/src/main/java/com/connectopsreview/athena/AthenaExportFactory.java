package com.connectopsreview.athena;

import com.connectopsreview.shared.analyzer.Analyzer;
import com.connectopsreview.shared.analyzer.AnalyzerFactory;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.store.ResultStore;
import java.time.Clock;

/**
 * Builds the athena analyzer, for its Lambda handler ({@link AthenaExportHandler}) and in-process (the
 * local runner, tests). Its settings come from the environment (ATHENA_DATABASE, ATHENA_WORKGROUP,
 * ATHENA_OUTPUT_LOCATION, DATALAKE_ROLE_ARN); with no database the component is SKIPPED.
 */
public final class AthenaExportFactory {

  /** The component name (registry, store key). */
  public static final String COMPONENT = "athena";

  private AthenaExportFactory() {}

  /** An {@link AnalyzerFactory} over the process environment; a malformed setting fails here, at init. */
  public static Analyzer create(ServiceClients clients, ResultStore store, Clock clock) {
    return withSettings(AthenaSettings.fromEnvironment(System::getenv)).create(clients, store, clock);
  }

  /** An {@link AnalyzerFactory} over settings of the caller's (tests). */
  public static AnalyzerFactory withSettings(AthenaSettings settings) {
    return (clients, store, clock) -> new AthenaExportAnalyzer(clients, settings, store, clock);
  }
}

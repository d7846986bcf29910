package com.connectopsreview.athena;

import com.connectopsreview.shared.analyzer.AnalyzerLambda;
import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import java.time.Clock;

/**
 * Lambda entry point of the {@code athena} component: reads an AnalyzerRequest, runs the analyzer
 * (which stores its result), answers the AnalyzerResponse summary.
 */
public final class AthenaExportHandler extends AnalyzerLambda {

  /** Built once per execution environment by the Lambda runtime. */
  public AthenaExportHandler() {
    super(AthenaExportFactory.COMPONENT, AthenaExportFactory::create);
  }

  AthenaExportHandler(AnalyzerRunner runner, Clock clock) {
    super(AthenaExportFactory.COMPONENT, runner, clock);
  }
}

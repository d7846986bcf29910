package com.connectopsreview.orchestrator;

import com.connectopsreview.shared.model.ReportRequest;
import com.connectopsreview.shared.model.ReportResponse;
import java.time.Duration;
import java.util.function.Function;

/** Renders the report in this JVM (local runner, tests). */
public final class InProcessReportInvoker implements ReportInvoker {

  private final Function<ReportRequest, ReportResponse> generator;

  public InProcessReportInvoker(Function<ReportRequest, ReportResponse> generator) {
    this.generator = generator;
  }

  @Override
  public ReportResponse render(ReportRequest request, Duration timeout) {
    return generator.apply(request);
  }
}

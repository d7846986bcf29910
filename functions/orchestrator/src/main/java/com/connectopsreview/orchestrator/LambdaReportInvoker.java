package com.connectopsreview.orchestrator;

import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.ReportRequest;
import com.connectopsreview.shared.model.ReportResponse;
import java.time.Duration;

/** Invokes the report generator function synchronously. */
public final class LambdaReportInvoker implements ReportInvoker {

  private final LambdaFunctionCaller caller;
  private final String functionName;

  public LambdaReportInvoker(LambdaFunctionCaller caller, String functionName) {
    this.caller = caller;
    this.functionName = functionName;
  }

  @Override
  public ReportResponse render(ReportRequest request, Duration timeout) {
    byte[] payload = caller.call(functionName, Json.toBytes(request), timeout);
    return Json.fromBytes(payload, ReportResponse.class);
  }
}

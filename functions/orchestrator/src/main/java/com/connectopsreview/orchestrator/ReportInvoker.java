package com.connectopsreview.orchestrator;

import com.connectopsreview.shared.model.ReportRequest;
import com.connectopsreview.shared.model.ReportResponse;
import java.time.Duration;

/** Port through which the orchestrator has the report rendered (Lambda or in-process). */
public interface ReportInvoker {

  ReportResponse render(ReportRequest request, Duration timeout);
}

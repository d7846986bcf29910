package com.connectopsreview.metrics;

import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.time.TimeBudget;

/** Classifies the errors the analyzer reacts to. */
final class AwsErrors {

  private AwsErrors() {}

  /** True when the time budget ran out, also when the SDK wrapped that in its own exception. */
  static boolean isOutOfTime(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeBudget.BudgetExceededException) {
        return true;
      }
    }
    return false;
  }

  /** One-line reason: AWS error code, service, HTTP status and message; never a stack trace. */
  static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeBudget.BudgetExceededException budget) {
        return AnalyzerRunner.reason(budget);
      }
    }
    return AnalyzerRunner.reason(e);
  }
}

package com.connectopsreview.flow;

/**
 * Every checkId the flow analyzer emits. Stable once released; documented in {@code docs/checks.md}
 * (section "flow"). The lint checkIds live with their rules in {@link FlowLintCatalog}.
 */
public final class CheckIds {

  public static final String LOGGING_MISSING = "FLOW.LOGGING.MISSING";
  public static final String LOGGING_COMPLIANT = "FLOW.LOGGING.COMPLIANT";
  public static final String LOGGING_SUMMARY = "FLOW.LOGGING.SUMMARY";
  public static final String FLOWS_NONE = "FLOW.FLOWS.NONE";

  public static final String LINT_NO_ERROR_BRANCH = "FLOW.LINT.NO_ERROR_BRANCH";
  public static final String LINT_UNREACHABLE = "FLOW.LINT.UNREACHABLE";
  public static final String LINT_LAMBDA_TIMEOUT = "FLOW.LINT.LAMBDA_TIMEOUT";
  public static final String LINT_HARDCODED_PHONE = "FLOW.LINT.HARDCODED_PHONE";
  public static final String LINT_LOGGING_NOT_REENABLED = "FLOW.LINT.LOGGING_NOT_REENABLED";
  public static final String CONTENT_UNPARSABLE = "FLOW.CONTENT.UNPARSABLE";

  private CheckIds() {}
}

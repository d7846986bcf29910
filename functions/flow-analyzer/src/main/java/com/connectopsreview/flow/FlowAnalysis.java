package com.connectopsreview.flow;

import com.connectopsreview.shared.sections.FlowSection.CheckIds;
import com.connectopsreview.shared.sections.FlowSection.LoggingBehavior;
import java.util.List;

/**
 * What one flow's (or module's) content says, as kept in the flow cache: parsable or not, its
 * logging behavior and every lint hit. Depends only on the content and {@link FlowLintCatalog#VERSION}.
 *
 * @param parseError why the content is not Flow Language; null when it is
 * @param logging null when the content is unparsable
 * @param lint lint hits in catalog order; the one {@code FLOW.CONTENT.UNPARSABLE} hit when unparsable
 */
public record FlowAnalysis(boolean parsable, String parseError, LoggingBehavior logging, List<LintHit> lint) {

  public FlowAnalysis {
    lint = lint == null ? List.of() : List.copyOf(lint);
  }

  /** Parses and lints one content. Never throws: bad content is an unparsable analysis. */
  public static FlowAnalysis of(String content) {
    FlowDocument document;
    try {
      document = FlowParser.parse(content);
    } catch (UnparsableFlowException e) {
      return new FlowAnalysis(false, e.getMessage(), null,
          List.of(new LintHit(CheckIds.CONTENT_UNPARSABLE, null, null, e.getMessage())));
    }
    return new FlowAnalysis(true, null, logging(document), FlowLintCatalog.lint(document));
  }

  /** ENABLED when any logging action says Enabled (upstream-spec §1.8), DISABLED when only Disabled ones. */
  static LoggingBehavior logging(FlowDocument document) {
    boolean disabled = false;
    for (FlowDocument.Action action : document.actions()) {
      String value = FlowLintCatalog.loggingValue(action);
      if ("Enabled".equals(value)) {
        return LoggingBehavior.ENABLED;
      }
      disabled |= "Disabled".equals(value);
    }
    return disabled ? LoggingBehavior.DISABLED : LoggingBehavior.ABSENT;
  }
}

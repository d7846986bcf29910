package com.connectopsreview.shared.analyzer;

import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.time.TimeBudget;

/**
 * The domain side of one analyzer: looks at the instance and says what it found. It does not store
 * anything, count calls or catch unexpected errors; {@link AnalyzerRunner} does that for every
 * analyzer the same way.
 *
 * <p>An analyzer that runs out of time ({@link TimeBudget#check}) or loses one optional data source
 * returns {@code PARTIAL} with what it has and says what is missing in {@code errors}. An exception
 * it lets escape makes the component FAILED with the exception's reason.
 */
@FunctionalInterface
public interface Analyzer {

  AnalysisOutput analyze(AnalyzerRequest request, TimeBudget budget);
}

package com.connectopsreview.shared.analyzer;

import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.store.ResultStore;
import java.time.Clock;

/**
 * Builds one analyzer over the clients it calls and the store (where analyzers with a cache keep it
 * between reviews). Each analyzer module has one; the Lambda handler wires it with
 * {@link AnalyzerRunner#fromEnvironment}, the local runner and tests with clients of their own.
 */
@FunctionalInterface
public interface AnalyzerFactory {

  Analyzer create(ServiceClients clients, ResultStore store, Clock clock);
}

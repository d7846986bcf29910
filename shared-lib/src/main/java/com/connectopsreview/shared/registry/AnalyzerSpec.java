package com.connectopsreview.shared.registry;

import java.time.Duration;

/**
 * One analyzer the orchestrator can run.
 *
 * @param name component name, also the store key and the {@code analyzers} request value
 * @param functionEnvVar environment variable holding the deployed function's name or ARN
 * @param timeout time the analyzer may take, deadline included; its Lambda timeout must be at least this
 * @param title human title used in the report
 */
public record AnalyzerSpec(String name, String functionEnvVar, Duration timeout, String title) {}

package com.connectopsreview.logs;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The 15 CloudWatch alarms recommended for an Amazon Connect instance (upstream-spec §4.11 item 1):
 * metric, statistic, comparison, threshold, period, evaluation periods, upstream's priority and
 * metric group. Only the metric name decides whether one exists; the rest is what we recommend and
 * is reported next to what the existing alarm uses.
 */
final class RecommendedAlarms {

  /** Namespace of Amazon Connect's metrics; instance metrics carry the dimension InstanceId = the instance id. */
  static final String NAMESPACE = "AWS/Connect";
  static final String INSTANCE_DIMENSION = "InstanceId";

  /** One recommended alarm. */
  record Recommended(String metricName, String statistic, String comparison, BigDecimal threshold, int period,
      int evaluationPeriods, String priority, String metricGroup) {

    /** Upstream's CRITICAL rows: contacts are refused, throttled, or flows fail outright when they fire. */
    boolean critical() {
      return "CRITICAL".equals(priority);
    }
  }

  static final List<Recommended> ALL = List.of(
      alarm("ConcurrentCallsPercentage", "Maximum", ">=", "0.8", 300, 1, "CRITICAL", "VoiceCalls"),
      alarm("ConcurrentActiveChatsPercentage", "Maximum", ">=", "0.8", 300, 1, "CRITICAL", "Chats"),
      alarm("ConcurrentTasksPercentage", "Maximum", ">=", "0.8", 300, 1, "HIGH", "Tasks"),
      alarm("CallsBreachingConcurrencyQuota", "Sum", ">", "0", 300, 1, "CRITICAL", "VoiceCalls"),
      alarm("ChatsBreachingActiveChatQuota", "Sum", ">", "0", 300, 1, "CRITICAL", "Chats"),
      alarm("TasksBreachingConcurrencyQuota", "Sum", ">", "0", 300, 1, "HIGH", "Tasks"),
      alarm("ThrottledCalls", "Sum", ">", "0", 300, 1, "CRITICAL", "VoiceCalls"),
      alarm("MisconfiguredPhoneNumbers", "Sum", ">", "0", 300, 1, "HIGH", "VoiceCalls"),
      alarm("CallRecordingUploadError", "Sum", ">", "0", 300, 1, "HIGH", "CallRecordings"),
      alarm("ContactFlowErrors", "Sum", ">", "0", 300, 1, "MEDIUM", "ContactFlow"),
      alarm("ContactFlowFatalErrors", "Sum", ">", "0", 300, 1, "CRITICAL", "ContactFlow"),
      alarm("MissedCalls", "Sum", ">", "10", 300, 1, "MEDIUM", "VoiceCalls"),
      alarm("ToInstancePacketLossRate", "Average", ">", "0.05", 300, 3, "HIGH", "VoiceCalls"),
      alarm("QueueCapacityExceededError", "Sum", ">", "0", 300, 1, "HIGH", "Queue"),
      alarm("CallBackNotDialableNumber", "Sum", ">", "0", 300, 1, "MEDIUM", "ContactFlow"));

  static final Set<String> METRICS = Set.copyOf(ALL.stream().map(Recommended::metricName).toList());

  private RecommendedAlarms() {}

  private static Recommended alarm(String metric, String statistic, String comparison, String threshold, int period,
      int evaluationPeriods, String priority, String group) {
    return new Recommended(metric, statistic, comparison, new BigDecimal(threshold), period, evaluationPeriods,
        priority, group);
  }
}

package com.connectopsreview.flow;

import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.TimeWindow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.connect.model.AccessDeniedException;
import software.amazon.awssdk.services.connect.model.ContactFlow;
import software.amazon.awssdk.services.connect.model.ContactFlowModule;
import software.amazon.awssdk.services.connect.model.ThrottlingException;

/** Shared test data: the instance of the request fixture, Flow Language fixtures, SDK objects and errors. */
final class Fixtures {

  static final String INSTANCE_ID = "11111111-2222-3333-4444-555555555555";
  static final String INSTANCE_ARN = "arn:aws:connect:us-east-1:123456789012:instance/" + INSTANCE_ID;
  static final InstanceRef INSTANCE = InstanceRef.parse(INSTANCE_ARN);
  static final String REVIEW_ID = "20261123T090000Z-abcdef";
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final TimeWindow WINDOW = new TimeWindow(NOW.minusSeconds(14 * 86_400L), NOW);
  static final String ACCESS_URL = "https://contoso.my.connect.aws/";

  private Fixtures() {}

  static AnalyzerRequest request(Instant deadline) {
    return new AnalyzerRequest(REVIEW_ID, "flow", INSTANCE, WINDOW, deadline, null);
  }

  /** A Flow Language fixture from src/test/resources/flows/, e.g. {@code "lint/unreachable-positive"}. */
  static String content(String name) {
    String path = "flows/" + name + ".json";
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is not on the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean exists(String name) {
    return Fixtures.class.getClassLoader().getResource("flows/" + name + ".json") != null;
  }

  static String flowArn(String id) {
    return INSTANCE_ARN + "/contact-flow/" + id;
  }

  static String moduleArn(String id) {
    return INSTANCE_ARN + "/flow-module/" + id;
  }

  /** A SearchContactFlows / DescribeContactFlow ContactFlow; content may be null (not returned). */
  static ContactFlow flow(String id, String name, String type, String content, Instant lastModified) {
    return ContactFlow.builder().id(id).arn(flowArn(id)).name(name).type(type).state("ACTIVE").status("PUBLISHED")
        .content(content).lastModifiedTime(lastModified).build();
  }

  static ContactFlowModule module(String id, String name, String content) {
    return ContactFlowModule.builder().id(id).arn(moduleArn(id)).name(name).state("ACTIVE").status("PUBLISHED")
        .content(content).build();
  }

  static AccessDeniedException connectDenied(String operation) {
    return AccessDeniedException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").serviceName("Connect")
            .errorMessage("not authorized to perform: connect:" + operation).build())
        .statusCode(403).build();
  }

  static ThrottlingException throttled() {
    return ThrottlingException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").serviceName("Connect")
            .errorMessage("Rate exceeded").build())
        .statusCode(429).build();
  }

  static List<Finding> withCheckId(List<Finding> findings, String checkId) {
    return findings.stream().filter(f -> f.checkId().equals(checkId)).toList();
  }

  static Finding only(List<Finding> findings, String checkId) {
    List<Finding> matching = withCheckId(findings, checkId);
    if (matching.size() != 1) {
      throw new AssertionError("expected exactly one " + checkId + " but found " + matching.size() + " in "
          + findings.stream().map(Finding::checkId).toList());
    }
    return matching.get(0);
  }
}

package com.connectopsreview.instance;

import software.amazon.awssdk.services.connect.model.InvalidParameterException;
import software.amazon.awssdk.services.connect.model.InvalidRequestException;

/** Classifies AWS errors the way the instance analyzer reacts to them (shared rules plus Connect's own). */
final class AwsErrors {

  private AwsErrors() {}

  /** Connect says no to this caller (IAM, SCP or a condition key such as connect:AttributeType). */
  static boolean isAccessDenied(Throwable e) {
    return com.connectopsreview.shared.aws.AwsErrors.isAccessDenied(e);
  }

  /**
   * Connect rejects the request for this instance or Region, e.g. a storage resource type or
   * attribute the instance does not offer: "not supported here", not a failure.
   */
  static boolean isUnsupported(Throwable e) {
    return e instanceof InvalidRequestException || e instanceof InvalidParameterException;
  }

  static boolean isNotFound(Throwable e) {
    return com.connectopsreview.shared.aws.AwsErrors.isNotFound(e);
  }

  static boolean isOutOfTime(Throwable e) {
    return com.connectopsreview.shared.aws.AwsErrors.isOutOfTime(e);
  }

  /** One-line reason: AWS error code, service, HTTP status and message; never a stack trace. */
  static String reason(Throwable e) {
    return com.connectopsreview.shared.aws.AwsErrors.reason(e);
  }
}

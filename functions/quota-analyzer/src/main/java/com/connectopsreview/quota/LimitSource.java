package com.connectopsreview.quota;

/** Where a quota's limit came from, most specific first. */
public enum LimitSource {
  /** GetServiceQuota with the instance ARN as ContextId: the value applied to this instance. */
  INSTANCE,
  /** GetServiceQuota without context: the value applied to the account in the Region. */
  ACCOUNT,
  /** GetAWSDefaultServiceQuota: the AWS default, nothing applied. */
  DEFAULT
}

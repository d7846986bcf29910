package com.connectopsreview.athena;

import com.connectopsreview.shared.analyzer.Outcome;
import com.connectopsreview.shared.analyzer.ReadLog;
import com.connectopsreview.shared.links.ConsoleLinks;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.AthenaSection.CheckIds;
import com.connectopsreview.shared.sections.AthenaSection.ResultsBucket;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationRequest;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Does the query results bucket expire what Athena writes? S3 {@code GetBucketLifecycleConfiguration}
 * on the bucket of the effective output location: without an enabled rule that expires objects under
 * that prefix, every query's result files (contact data) stay forever. A rule filtered by tags or
 * object size does not count: Athena's result objects carry no tags.
 */
final class ResultsBucketCheck {

  private final S3Client s3;
  private final ReadLog log;
  private final ConsoleLinks links;

  ResultsBucketCheck(S3Client s3, ReadLog log, ConsoleLinks links) {
    this.s3 = s3;
    this.log = log;
    this.links = links;
  }

  /** The bucket's facts, adding its finding; null when not read (errors[] says why). */
  ResultsBucket check(String outputLocation, List<Finding> findings) {
    String path = outputLocation.substring("s3://".length());
    int slash = path.indexOf('/');
    String bucket = slash < 0 ? path : path.substring(0, slash);
    String prefix = slash < 0 ? "" : path.substring(slash + 1);
    String what = "lifecycle rules of query results bucket " + bucket;
    Outcome<List<LifecycleRule>> read = log.attempt(what, () -> s3.getBucketLifecycleConfiguration(
        GetBucketLifecycleConfigurationRequest.builder().bucket(bucket).build()).rules());
    List<LifecycleRule> rules;
    if (read.isOk()) {
      rules = read.get();
    } else if (read.error() instanceof S3Exception e && e.awsErrorDetails() != null
        && "NoSuchLifecycleConfiguration".equals(e.awsErrorDetails().errorCode())) {
      rules = List.of();
    } else {
      if (!read.isOutOfTime()) {
        log.error(what + " not read (S3 GetBucketLifecycleConfiguration: " + read.reason() + ")");
      }
      return null;
    }
    List<LifecycleRule> enabled = rules.stream().filter(r -> r.status() == ExpirationStatus.ENABLED).toList();
    boolean expires = enabled.stream().anyMatch(r -> expiresCurrentObjects(r) && covers(r, prefix));
    if (!expires) {
      findings.add(Finding.builder(CheckIds.RESULTS_BUCKET_NO_LIFECYCLE, Severity.LOW, Pillar.COST)
          .title("Athena query results in " + bucket + " never expire")
          .detail((enabled.isEmpty() ? "The bucket has no enabled lifecycle rule"
              : "None of the bucket's " + enabled.size() + " enabled lifecycle rule(s) expires objects under '"
                  + prefix + "'")
              + ": every query's result files, which hold contact data, are kept and billed forever.")
          .recommendation("Add a lifecycle rule expiring objects under " + outputLocation + " (for example after "
              + "30 days), or turn on the workgroup's managed query results.")
          .resource("arn:aws:s3:::" + bucket).consoleUrl(links.s3Bucket(bucket))
          .evidence("enabledRules", (long) enabled.size())
          .evidence("outputLocation", outputLocation).build());
    }
    return new ResultsBucket(bucket, enabled.size(), expires);
  }

  private static boolean expiresCurrentObjects(LifecycleRule rule) {
    return rule.expiration() != null && (rule.expiration().days() != null || rule.expiration().date() != null);
  }

  /** Whether the rule's filter takes in objects under {@code prefix} (a tag or size condition does not). */
  @SuppressWarnings("deprecation")
  private static boolean covers(LifecycleRule rule, String prefix) {
    if (rule.filter() == null) {
      return rule.prefix() == null || prefix.startsWith(rule.prefix());
    }
    if (rule.filter().tag() != null || rule.filter().and() != null
        || rule.filter().objectSizeGreaterThan() != null || rule.filter().objectSizeLessThan() != null) {
      return false;
    }
    String filterPrefix = rule.filter().prefix();
    return filterPrefix == null || prefix.startsWith(filterPrefix);
  }
}

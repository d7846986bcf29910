package com.connectopsreview.local.sandbox.datalake;

import com.connectopsreview.local.sandbox.server.ApiError;
import com.connectopsreview.local.sandbox.server.AwsService;
import com.connectopsreview.local.sandbox.server.Call;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter.Limit;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Amazon S3 over REST-XML, path-style ({@code GET /{Bucket}?lifecycle}), as the SDK 2.40.2 S3Client
 * calls it when its endpoint is fixed: GetBucketLifecycleConfiguration of the Athena results bucket,
 * which has no lifecycle configuration (a plant), so S3's real 404 NoSuchLifecycleConfiguration.
 * Any other bucket is NoSuchBucket.
 */
final class S3Api {

  static final AwsService S3 = AwsService.restXml("S3", "s3", "s3",
      new AwsService.Errors("SlowDown", 503, operation -> "Please reduce your request rate.", "InternalError",
          "We encountered an internal error. Please try again.", "NoSuchBucket", 404, "InvalidArgument",
          "InvalidArgument"),
      scenario -> "arn:aws:s3:::" + DataLakeDomain.RESULTS_BUCKET);

  /** S3's documented request rate: 5,500 GET/HEAD requests a second per partitioned prefix. */
  static final Limit GET = new Limit(5_500, 5_500);

  void register(OperationRegistry r) {
    r.rest(S3, "GetBucketLifecycleConfiguration", "GET", "/{Bucket}?lifecycle", GET, this::getBucketLifecycle);
  }

  private JsonNode getBucketLifecycle(Call call) {
    String bucket = call.path("Bucket");
    if (!bucket.equals(DataLakeDomain.RESULTS_BUCKET)) {
      throw call.service().notFound("The specified bucket does not exist");
    }
    // The plant: the workgroup's results bucket keeps every query result for ever.
    throw new ApiError("NoSuchLifecycleConfiguration", 404, "The lifecycle configuration does not exist");
  }
}

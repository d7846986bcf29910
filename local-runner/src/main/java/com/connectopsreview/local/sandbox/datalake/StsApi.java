package com.connectopsreview.local.sandbox.datalake;

import static com.connectopsreview.local.sandbox.server.Payload.object;

import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.server.AwsService;
import com.connectopsreview.local.sandbox.server.Call;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter.Limit;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * AWS STS over the query protocol ({@code Action=GetCallerIdentity&Version=2011-06-15}), as the SDK
 * 2.40.2 StsClient calls it: whoever signs is a session of the local role,
 * {@value DataLakeDomain#LOCAL_SESSION_ARN}, the principal Lake Formation's grants name (as its role).
 */
final class StsApi {

  static final AwsService STS = AwsService.awsQuery("Sts", "sts", "sts", "2011-06-15",
      "https://sts.amazonaws.com/doc/2011-06-15/",
      new AwsService.Errors("Throttling", 400, operation -> "Rate exceeded", "ServiceUnavailable",
          "Service is unable to handle request.", "InvalidIdentityToken", 400, "ValidationError", "ValidationError"),
      scenario -> DataLakeDomain.LOCAL_SESSION_ARN);

  /** STS's request quota is per account and Region for all its APIs together (600/s); the sandbox applies it per API. */
  static final Limit GET_CALLER_IDENTITY = new Limit(600, 600);

  /** The unique id of the role (an AROA... id) and the session name. */
  static final String USER_ID = "AROAYSANDBOXLOCALROLE:local";

  void register(OperationRegistry r) {
    r.query(STS, "GetCallerIdentity", GET_CALLER_IDENTITY, StsApi::getCallerIdentity);
  }

  private static JsonNode getCallerIdentity(Call call) {
    return object("UserId", USER_ID, "Account", Scenario.ACCOUNT_ID, "Arn", DataLakeDomain.LOCAL_SESSION_ARN);
  }
}

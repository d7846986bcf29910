package com.connectopsreview.local.sandbox.server;

import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter.Limit;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Amazon Connect over REST-JSON, as the SDK 2.40.2 ConnectClient calls it (paths taken from its
 * request marshallers), which the instance configuration, entities, flows and telephony domains all
 * serve: the service, the rate limit and page sizes most of its APIs document, and the parameter
 * checks their handlers share.
 */
public final class ConnectService {

  public static final AwsService CONNECT = AwsService.restJson("Connect", "connect", "connect",
      new AwsService.Errors("ThrottlingException", 429, operation -> "Rate exceeded",
          "InternalServiceException", "Request processing failed because of an error or failure with the service.",
          "ResourceNotFoundException", 404, "InvalidParameterException", "InvalidParameterException"),
      scenario -> scenario.instanceRef().arn());

  /** Connect's documented default for every API not listed otherwise: 2 requests/s, burst 5, per API. */
  public static final Limit DEFAULT = ApiRateLimiter.CONNECT_DEFAULT;

  /** The documented default page size of the 1,000-lists when maxResults is absent. */
  public static final int LIST_DEFAULT = 100;
  /** The documented maximum maxResults of most entity lists. */
  public static final int LIST_MAX = 1_000;

  private ConnectService() {}

  /** A list-valued query filter, validated against the enum's values. */
  public static Set<String> typeFilter(Call call, String parameter, Set<String> known) {
    Set<String> values = new TreeSet<>(call.queryAll(parameter));
    requireKnown(call, parameter, values, known);
    return values;
  }

  /** Connect's invalid-parameter error for the first value that is not one of {@code known}. */
  public static void requireKnown(Call call, String parameter, Iterable<String> values, Set<String> known) {
    for (String value : values) {
      if (!known.contains(value)) {
        throw call.service().invalidParameter("Value '" + value + "' at '" + parameter
            + "' failed to satisfy constraint: Member must satisfy enum value set: " + new TreeSet<>(known));
      }
    }
  }

  /** The scope a filtered listing's tokens are bound to: the filter's values, joined. */
  public static String scope(Set<String> filter) {
    return String.join(",", filter);
  }

  /** The names of an SDK enum's known values. */
  public static Set<String> names(Set<?> enumValues) {
    return enumValues.stream().map(String::valueOf).collect(Collectors.toSet());
  }
}

package com.connectopsreview.local.sandbox.server;

import com.connectopsreview.local.sandbox.SandboxFault;
import com.connectopsreview.local.sandbox.SandboxOptions;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.server.OperationRegistry.Operation;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter.Limit;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one request: routes it to an operation by the service's protocol, applies the production
 * constraints (rate limit, the first calls of a listing throttled, injected fault), runs the handler
 * and renders the answer or error in the protocol's shape. Counts every answer by
 * {@code Service:Operation}: throttling errors apart from everything else (served).
 */
public final class Dispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final Scenario scenario;
  private final OperationRegistry registry;
  private final SandboxOptions options;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> served = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> throttled = new ConcurrentHashMap<>();
  /** Calls of each List* and Search* operation so far, for {@link SandboxOptions#throttleFirst()}. */
  private final Map<String, AtomicLong> listCalls = new ConcurrentHashMap<>();
  private final List<String> unrouted = new CopyOnWriteArrayList<>();

  /**
   * @throws IllegalArgumentException if a fault names an operation the registry does not serve
   */
  public Dispatcher(Scenario scenario, OperationRegistry registry, SandboxOptions options) {
    this.scenario = scenario;
    this.registry = registry;
    this.options = options;
    options.faults().keySet().forEach(key -> {
      if (registry.find(key).isEmpty()) {
        throw new IllegalArgumentException("cannot inject a fault into '" + key + "': the sandbox does not serve "
            + "it (served: " + String.join(", ", registry.operations().stream().map(Operation::key).toList()) + ")");
      }
    });
  }

  public OperationRegistry registry() {
    return registry;
  }

  public Map<String, Long> servedCalls() {
    return snapshot(served);
  }

  public Map<String, Long> throttledCalls() {
    return snapshot(throttled);
  }

  /** Requests no operation matched ({@code METHOD /path} or the X-Amz-Target / Action), in order. */
  public List<String> unroutedRequests() {
    return List.copyOf(unrouted);
  }

  public WireResponse dispatch(WireRequest request) {
    String target = request.header("x-amz-target");
    if (target != null) {
      Optional<Operation> operation = registry.byTarget(target);
      if (operation.isEmpty()) {
        return unrouted(request, "X-Amz-Target " + target, WireProtocol.AwsJson.INSTANCE, 400,
            "The sandbox does not serve " + target + registry.serviceOfTarget(target)
                .map(s -> " (a " + s.sdkName() + " operation not routed yet)").orElse(" (a service it does not speak)")
                + "; it serves: " + served());
      }
      return call(operation.get(), Map.of(), request);
    }
    if (isQuery(request)) {
      Map<String, String> form = WireProtocol.AwsQuery.form(request);
      String action = form.get("Action");
      String version = form.get("Version");
      Optional<Operation> operation = action == null ? Optional.empty() : registry.byAction(action, version);
      if (operation.isEmpty()) {
        return unrouted(request, "Action " + action + " (Version " + version + ")", WireProtocol.AwsQuery.INSTANCE,
            400, "The sandbox does not serve the query-protocol action " + action + " of API version " + version
                + "; it serves: " + served());
      }
      return call(operation.get(), Map.of(), request);
    }
    String signingName = signingName(request);
    Optional<OperationRegistry.Match> match = registry.byPath(request.method(), request.path(), signingName,
        request.query().keySet());
    if (match.isEmpty()) {
      String what = request.describe() + (signingName == null ? "" : " (signed for " + signingName + ")");
      // A request signed for S3 gets its answer in XML, which is all the S3 client reads; the rest REST-JSON.
      WireProtocol protocol = signingName == null ? WireProtocol.RestJson.INSTANCE
          : registry.restServiceSignedAs(signingName).filter(s -> s.protocol() == AwsService.Protocol.REST_XML)
              .map(WireProtocol::of).orElse(WireProtocol.RestJson.INSTANCE);
      return unrouted(request, what, protocol, 404,
          "The sandbox does not serve " + what + "; it serves: " + served());
    }
    return call(match.get().operation(), match.get().pathParams(), request);
  }

  private WireResponse call(Operation operation, Map<String, String> pathParams, WireRequest request) {
    WireProtocol protocol = WireProtocol.of(operation.service());
    String key = operation.key();
    if (throttledUpFront(operation) || options.rateLimits() && !bucket(operation).tryConsume(1)) {
      throttled.computeIfAbsent(key, k -> new LongAdder()).increment();
      return protocol.error(operation.service().throttled(operation.name()), request);
    }
    served.computeIfAbsent(key, k -> new LongAdder()).increment();
    try {
      if (request.header("authorization") == null) {
        throw operation.service().missingAuthentication();
      }
      SandboxFault fault = options.faults().get(key);
      if (fault == SandboxFault.ACCESS_DENIED) {
        throw operation.service().accessDenied(operation.name(), operation.service().deniedResource(scenario));
      }
      if (fault == SandboxFault.SERVER_ERROR) {
        throw operation.service().serverError();
      }
      JsonNode input = protocol.input(request);
      JsonNode output = operation.handler().handle(new Call(operation, request, pathParams, input, options));
      return protocol.success(output, request, fault == SandboxFault.MALFORMED_BODY);
    } catch (ApiError e) {
      return protocol.error(e, request);
    } catch (RuntimeException e) {
      LOG.warn("sandbox handler of {} failed: {}", key, e.toString());
      return protocol.error(new ApiError(operation.service().serverError().code(), 500,
          "sandbox handler failed: " + e), request);
    }
  }

  /** Whether this call is one of the first {@code throttleFirst} of its List* or Search* operation. */
  private boolean throttledUpFront(Operation operation) {
    if (options.throttleFirst() == 0 || !operation.isListOrSearch()) {
      return false;
    }
    return listCalls.computeIfAbsent(operation.key(), k -> new AtomicLong()).incrementAndGet()
        <= options.throttleFirst();
  }

  private WireResponse unrouted(WireRequest request, String what, WireProtocol protocol, int status, String message) {
    unrouted.add(what);
    LOG.warn("sandbox: no operation serves {}", what);
    return protocol.error(new ApiError("UnknownOperationException", status, message), request);
  }


  private Bucket bucket(Operation operation) {
    return buckets.computeIfAbsent(operation.key(), k -> {
      Limit limit = operation.limit();
      long refillNanos = Math.max(1, Math.round(1_000_000_000d / limit.perSecond()));
      return Bucket.builder()
          .addLimit(Bandwidth.builder().capacity(limit.burst()).refillGreedy(1, Duration.ofNanos(refillNanos)).build())
          .build();
    });
  }

  /**
   * The service a SigV4 {@code Authorization} header is scoped to
   * ({@code Credential=AKID/20250101/us-east-1/mobiletargeting/aws4_request}), or null when the
   * request is unsigned or the header has no credential scope.
   */
  static String signingName(WireRequest request) {
    String authorization = request.header("authorization");
    if (authorization == null) {
      return null;
    }
    int credential = authorization.indexOf("Credential=");
    if (credential < 0) {
      return null;
    }
    int end = authorization.indexOf(',', credential);
    String[] scope = authorization.substring(credential + "Credential=".length(), end < 0 ? authorization.length() : end)
        .trim().split("/");
    return scope.length == 5 ? scope[3] : null;
  }

  /** A query-protocol request: a form-encoded POST (its Action and Version are in the body). */
  private static boolean isQuery(WireRequest request) {
    return "POST".equalsIgnoreCase(request.method())
        && request.contentType().startsWith("application/x-www-form-urlencoded");
  }

  private String served() {
    return String.join(", ", registry.operations().stream().map(Operation::key).toList());
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }
}

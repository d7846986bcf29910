package com.connectopsreview.local.sandbox.server;

import com.connectopsreview.local.sandbox.SandboxDomain;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter.Limit;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every operation the sandbox serves: its service, name, route, rate limit and handler, one
 * registration line each, registered by the domain that serves it ({@link SandboxDomain#register})
 * in the order of the scenario's domains. A new operation is one more line in its domain's
 * {@code *Api} class; a new domain registers its own.
 */
public final class OperationRegistry {

  /** Computes an operation's output members, or throws {@link ApiError}. */
  @FunctionalInterface
  public interface Handler {
    JsonNode handle(Call call);
  }

  /**
   * One routed operation.
   *
   * @param method HTTP method of a REST operation (null for JSON-protocol operations, which are POST /)
   * @param path path template of a REST operation, e.g. {@code /instance/{InstanceId}}; a query
   *     parameter after {@code ?} is one the request must carry (S3's sub-resources: {@code /{Bucket}?lifecycle})
   * @param limit its default rate limit (requests per second, burst)
   */
  public record Operation(AwsService service, String name, String method, String path, Limit limit, Handler handler) {

    /** {@code Service:Operation}, as the SDK interceptor counts it. */
    public String key() {
      return service.sdkName() + ":" + name;
    }

    /** A List* or Search* operation: what {@code --throttle-first} throttles. */
    public boolean isListOrSearch() {
      return name.startsWith("List") || name.startsWith("Search");
    }

    /** How a request reaches it, for documentation. */
    public String route() {
      return switch (service.protocol()) {
        case REST_JSON, REST_XML -> method + " " + path;
        case AWS_JSON -> "POST / X-Amz-Target: " + service.targetPrefix() + "." + name;
        case AWS_QUERY -> "POST / Action=" + name + "&Version=" + service.apiVersion();
      };
    }
  }

  /** A REST operation matched to a request, with its path parameters (decoded). */
  record Match(Operation operation, Map<String, String> pathParams) {}

  private final Map<String, Operation> operations = new LinkedHashMap<>();

  /** The operations of every domain of {@code scenario}, paging with one {@link Pager} of its seed. */
  public static OperationRegistry standard(Scenario scenario) {
    OperationRegistry registry = new OperationRegistry();
    Pager pager = new Pager(scenario.seed());
    for (SandboxDomain domain : scenario.domains()) {
      domain.register(registry, scenario, pager);
    }
    return registry;
  }

  /** Registers a REST (JSON or XML) operation. */
  public OperationRegistry rest(AwsService service, String name, String method, String path, Limit limit,
      Handler handler) {
    if (!service.isRest()) {
      throw new IllegalArgumentException(service + " is not a REST service");
    }
    return add(new Operation(service, name, Objects.requireNonNull(method), Objects.requireNonNull(path), limit,
        handler));
  }

  /** Registers a JSON-protocol operation (X-Amz-Target {@code <prefix>.<name>}). */
  public OperationRegistry rpc(AwsService service, String name, Limit limit, Handler handler) {
    if (service.protocol() != AwsService.Protocol.AWS_JSON) {
      throw new IllegalArgumentException(service + " is not a JSON-protocol service");
    }
    return add(new Operation(service, name, null, null, limit, handler));
  }

  /** Registers a query-protocol operation (form POST {@code Action=<name>&Version=<apiVersion>}). */
  public OperationRegistry query(AwsService service, String name, Limit limit, Handler handler) {
    if (service.protocol() != AwsService.Protocol.AWS_QUERY) {
      throw new IllegalArgumentException(service + " is not a query-protocol service");
    }
    return add(new Operation(service, name, null, null, limit, handler));
  }

  private OperationRegistry add(Operation operation) {
    if (operations.putIfAbsent(operation.key(), operation) != null) {
      throw new IllegalStateException("operation registered twice: " + operation.key());
    }
    return this;
  }

  public List<Operation> operations() {
    return Collections.unmodifiableList(new ArrayList<>(operations.values()));
  }

  public Optional<Operation> find(String key) {
    return Optional.ofNullable(operations.get(key));
  }

  /** The JSON-protocol operation an X-Amz-Target names, if any. */
  Optional<Operation> byTarget(String target) {
    int dot = target.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String prefix = target.substring(0, dot);
    String name = target.substring(dot + 1);
    return operations.values().stream()
        .filter(o -> prefix.equals(o.service().targetPrefix()) && o.name().equals(name))
        .findFirst();
  }

  /** The query-protocol operation an {@code Action} and {@code Version} name, if any. */
  Optional<Operation> byAction(String action, String version) {
    return operations.values().stream()
        .filter(o -> o.service().apiVersion() != null && o.service().apiVersion().equals(version)
            && o.name().equals(action))
        .findFirst();
  }

  /** The REST service that signs as {@code signingName}, if the sandbox serves one. */
  Optional<AwsService> restServiceSignedAs(String signingName) {
    return operations.values().stream().map(Operation::service)
        .filter(service -> service.isRest() && service.signingName().equals(signingName))
        .findFirst();
  }

  /** The JSON-protocol service an X-Amz-Target prefix belongs to, if the sandbox serves it. */
  Optional<AwsService> serviceOfTarget(String target) {
    int dot = target.lastIndexOf('.');
    String prefix = dot < 0 ? target : target.substring(0, dot);
    return operations.values().stream().map(Operation::service)
        .filter(service -> prefix.equals(service.targetPrefix()))
        .findFirst();
  }

  /**
   * The REST operation whose method and path template match, with its path parameters.
   *
   * @param signingName the SigV4 signing name of the request (its credential scope): only that
   *     service's operations match, as only that service answers on its host in AWS; null (an
   *     unsigned request) matches any REST service
   * @param queryNames the request's query parameter names: a template's {@code ?name} must be among them
   */
  Optional<Match> byPath(String method, String rawPath, String signingName, java.util.Set<String> queryNames) {
    String[] actual = split(rawPath);
    for (Operation operation : operations.values()) {
      if (!operation.service().isRest() || !operation.method().equalsIgnoreCase(method)
          || signingName != null && !signingName.equals(operation.service().signingName())) {
        continue;
      }
      int q = operation.path().indexOf('?');
      if (q >= 0 && !queryNames.contains(operation.path().substring(q + 1))) {
        continue;
      }
      String[] template = split(q < 0 ? operation.path() : operation.path().substring(0, q));
      if (template.length != actual.length) {
        continue;
      }
      Map<String, String> params = new LinkedHashMap<>();
      boolean matches = true;
      for (int i = 0; i < template.length && matches; i++) {
        String segment = Call.decodePath(actual[i]);
        if (template[i].startsWith("{") && template[i].endsWith("}")) {
          matches = !segment.isEmpty();
          params.put(template[i].substring(1, template[i].length() - 1), segment);
        } else {
          matches = template[i].equals(segment);
        }
      }
      if (matches) {
        return Optional.of(new Match(operation, params));
      }
    }
    return Optional.empty();
  }

  private static String[] split(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.isEmpty() ? new String[0] : p.split("/", -1);
  }
}

package com.connectopsreview.shared.validation;

import com.connectopsreview.shared.exception.InvalidRequestException;
import com.connectopsreview.shared.exception.InvalidRequestException.FieldError;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.ReviewIds;
import com.connectopsreview.shared.model.ReviewRequest;
import com.connectopsreview.shared.model.TimeWindow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the orchestrator's raw input (a ReviewRequest JSON or an EventBridge scheduled event) into a
 * {@link ValidatedReview}, or throws {@link InvalidRequestException} naming every bad field. Works on
 * the JSON tree rather than data binding, so a wrong type is reported as the field's problem instead
 * of a Jackson stack trace.
 */
public final class ReviewRequestParser {

  /** Fields a ReviewRequest may carry; {@code comment} is free text for the caller's own notes. */
  static final Set<String> FIELDS =
      Set.of("instanceArn", "daysBack", "startTime", "endTime", "analyzers", "reviewId", "comment");

  /** Clock skew tolerated on an endTime slightly in the future. */
  private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

  private final Clock clock;
  private final String defaultInstanceArn;
  private final List<String> knownAnalyzers;

  /**
   * @param defaultInstanceArn the stack's instance (CONNECT_INSTANCE_ARN), or null if none
   * @param knownAnalyzers names from the analyzer registry
   */
  public ReviewRequestParser(Clock clock, String defaultInstanceArn, List<String> knownAnalyzers) {
    this.clock = clock;
    this.defaultInstanceArn =
        defaultInstanceArn == null || defaultInstanceArn.isBlank() ? null : defaultInstanceArn.trim();
    this.knownAnalyzers = List.copyOf(knownAnalyzers);
  }

  public ValidatedReview parse(byte[] body) {
    if (body == null || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      throw InvalidRequestException.of(
          "request", "body is empty (send {} to review the default instance for the last 14 days)");
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw InvalidRequestException.of("request", "not valid JSON: " + e.getOriginalMessage()
          + locationOf(e));
    } catch (IOException e) {
      throw InvalidRequestException.of("request", "cannot be read: " + e.getMessage());
    }
    return parse(root);
  }

  public ValidatedReview parse(JsonNode root) {
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw InvalidRequestException.of("request", "body is null (send {} for defaults)");
    }
    if (!root.isObject()) {
      throw InvalidRequestException.of(
          "request", "must be a JSON object, got " + describe(root));
    }
    if (isScheduledEvent(root)) {
      return fromScheduledEvent(root);
    }
    return fromReviewRequest(root);
  }

  private static boolean isScheduledEvent(JsonNode root) {
    return "Scheduled Event".equals(root.path("detail-type").asText(null))
        && "aws.events".equals(root.path("source").asText(null));
  }

  private ValidatedReview fromScheduledEvent(JsonNode event) {
    List<FieldError> errors = new ArrayList<>();
    InstanceRef instance = instance(null, errors);
    Instant end = clock.instant();
    JsonNode time = event.get("time");
    if (time != null && time.isTextual()) {
      try {
        end = Instant.parse(time.asText());
      } catch (DateTimeParseException e) {
        errors.add(new FieldError("time", "is not an ISO-8601 instant (got \"" + time.asText() + "\")"));
      }
    }
    throwIfAny(errors);
    TimeWindow window = TimeWindow.lastDays(end, ReviewRequest.DEFAULT_DAYS_BACK);
    return new ValidatedReview(ReviewIds.newId(clock), instance, window, knownAnalyzers, true);
  }

  private ValidatedReview fromReviewRequest(JsonNode root) {
    List<FieldError> errors = new ArrayList<>();
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!FIELDS.contains(name)) {
        errors.add(new FieldError(name, "unknown field (allowed: instanceArn, daysBack, startTime, "
            + "endTime, analyzers, reviewId, comment)"));
      }
    }

    String arn = optionalString(root, "instanceArn", errors);
    InstanceRef instance = instance(arn, errors);
    TimeWindow window = window(root, errors);
    List<String> analyzers = analyzers(root, errors);
    String reviewId = optionalString(root, "reviewId", errors);
    if (reviewId != null && !ReviewIds.isValid(reviewId)) {
      errors.add(new FieldError("reviewId", "must be 1-64 characters of A-Z a-z 0-9 . _ - starting with "
          + "a letter or digit (got \"" + abbreviate(reviewId) + "\")"));
    }
    JsonNode comment = root.get("comment");
    if (comment != null && !comment.isTextual() && !comment.isNull()) {
      errors.add(new FieldError("comment", "must be a string, got " + describe(comment)));
    }
    throwIfAny(errors);
    return new ValidatedReview(
        reviewId != null ? reviewId : ReviewIds.newId(clock), instance, window, analyzers, false);
  }

  private InstanceRef instance(String arn, List<FieldError> errors) {
    String value = arn != null ? arn : defaultInstanceArn;
    if (value == null) {
      if (errors.stream().noneMatch(e -> e.field().equals("instanceArn"))) {
        errors.add(new FieldError("instanceArn", "required: no default instance is configured "
            + "(set CONNECT_INSTANCE_ARN or pass instanceArn)"));
      }
      return null;
    }
    try {
      return InstanceRef.parse(value);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(arn != null ? "instanceArn" : "CONNECT_INSTANCE_ARN", e.getMessage()));
      return null;
    }
  }

  private TimeWindow window(JsonNode root, List<FieldError> errors) {
    JsonNode daysNode = root.get("daysBack");
    boolean hasDays = daysNode != null && !daysNode.isNull();
    Instant start = optionalInstant(root, "startTime", errors);
    Instant end = optionalInstant(root, "endTime", errors);
    boolean hasRange = root.hasNonNull("startTime") || root.hasNonNull("endTime");
    Instant now = clock.instant();

    if (hasDays && hasRange) {
      errors.add(new FieldError("daysBack", "cannot be combined with startTime/endTime; use one or the other"));
      return null;
    }
    if (hasDays) {
      Integer days = daysBack(daysNode, errors);
      return days == null ? null : TimeWindow.lastDays(now, days);
    }
    if (!hasRange) {
      return TimeWindow.lastDays(now, ReviewRequest.DEFAULT_DAYS_BACK);
    }
    if (root.hasNonNull("startTime") && !root.hasNonNull("endTime")) {
      errors.add(new FieldError("endTime", "required when startTime is given"));
      return null;
    }
    if (!root.hasNonNull("startTime")) {
      errors.add(new FieldError("startTime", "required when endTime is given"));
      return null;
    }
    if (start == null || end == null) {
      return null; // already reported
    }
    boolean ok = true;
    if (!start.isBefore(end)) {
      errors.add(new FieldError("startTime", "must be before endTime (" + start + " >= " + end + ")"));
      ok = false;
    }
    if (end.isAfter(now.plus(FUTURE_TOLERANCE))) {
      errors.add(new FieldError("endTime", "is in the future (" + end + ")"));
      ok = false;
    }
    if (ok && Duration.between(start, end).compareTo(Duration.ofDays(ReviewRequest.MAX_DAYS)) > 0) {
      errors.add(new FieldError("startTime", "window of " + Duration.between(start, end).toHours() / 24.0
          + " days exceeds the maximum of " + ReviewRequest.MAX_DAYS + " days"));
      ok = false;
    }
    return ok ? new TimeWindow(start, end) : null;
  }

  private static Integer daysBack(JsonNode node, List<FieldError> errors) {
    String expectation = "must be a whole number of days between 1 and " + ReviewRequest.MAX_DAYS;
    if (!node.isIntegralNumber()) {
      if (node.isNumber() && node.decimalValue().stripTrailingZeros().scale() <= 0) {
        // 7.0 is a whole number written as a decimal; accept it.
        return daysBack(Json.mapper().getNodeFactory().numberNode(node.decimalValue().toBigInteger()), errors);
      }
      errors.add(new FieldError("daysBack", expectation + ", got " + describe(node)));
      return null;
    }
    if (!node.canConvertToInt() || node.intValue() < 1 || node.intValue() > ReviewRequest.MAX_DAYS) {
      errors.add(new FieldError("daysBack", expectation + ", got " + node.asText()));
      return null;
    }
    return node.intValue();
  }

  private List<String> analyzers(JsonNode root, List<FieldError> errors) {
    JsonNode node = root.get("analyzers");
    if (node == null || node.isNull()) {
      return knownAnalyzers;
    }
    if (!node.isArray()) {
      errors.add(new FieldError("analyzers", "must be an array of analyzer names, got " + describe(node)));
      return knownAnalyzers;
    }
    if (node.isEmpty()) {
      errors.add(new FieldError("analyzers", "is empty; omit it to run every analyzer (known: "
          + String.join(", ", knownAnalyzers) + ")"));
      return knownAnalyzers;
    }
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      String field = "analyzers[" + i + "]";
      if (!item.isTextual()) {
        errors.add(new FieldError(field, "must be a string, got " + describe(item)));
      } else if (!knownAnalyzers.contains(item.asText())) {
        errors.add(new FieldError(field, "unknown analyzer \"" + abbreviate(item.asText())
            + "\" (known: " + String.join(", ", knownAnalyzers) + ")"));
      } else {
        names.add(item.asText());
      }
    }
    return List.copyOf(names);
  }

  private static String optionalString(JsonNode root, String field, List<FieldError> errors) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      errors.add(new FieldError(field, "must be a string, got " + describe(node)));
      return null;
    }
    if (node.asText().isBlank()) {
      errors.add(new FieldError(field, "is blank"));
      return null;
    }
    return node.asText();
  }

  private static Instant optionalInstant(JsonNode root, String field, List<FieldError> errors) {
    String text = optionalString(root, field, errors);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return java.time.OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e2) {
        errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z (got \""
            + abbreviate(text) + "\")"));
        return null;
      }
    }
  }

  private static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "the string \"" + abbreviate(node.asText()) + "\"";
      case NUMBER -> "the number " + node.asText();
      case BOOLEAN -> "the boolean " + node.asText();
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String locationOf(JsonProcessingException e) {
    return e.getLocation() == null ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  private static String abbreviate(String s) {
    String clean = s.replaceAll("\\p{Cntrl}", "?");
    return clean.length() <= 80 ? clean : clean.substring(0, 77) + "...";
  }
}

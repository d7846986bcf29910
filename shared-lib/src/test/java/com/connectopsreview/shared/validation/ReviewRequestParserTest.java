package com.connectopsreview.shared.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.exception.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewRequestParserTest {

  static final String ARN = "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555";
  static final String OTHER = "arn:aws-us-gov:connect:us-gov-west-1:210987654321:instance/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  final ReviewRequestParser parser =
      new ReviewRequestParser(Clock.fixed(NOW, ZoneOffset.UTC), ARN, List.of("instance", "quota"));

  private ValidatedReview parse(String json) {
    return parser.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parse_emptyObject_defaultsToStackInstanceFourteenDaysAllAnalyzers() {
    ValidatedReview review = parse("{}");

    assertEquals(ARN, review.instance().arn());
    assertEquals(NOW, review.window().end());
    assertEquals(Duration.ofDays(14), review.window().length());
    assertEquals(List.of("instance", "quota"), review.analyzers());
    assertTrue(review.reviewId().startsWith("20261123T120000Z-"), review.reviewId());
    assertFalse(review.scheduled());
  }

  @Test
  void parse_everyField_isHonoured() {
    ValidatedReview review = parse("{\"instanceArn\":\"" + OTHER + "\",\"startTime\":\"2026-10-01T00:00:00Z\","
        + "\"endTime\":\"2026-10-31T00:00:00+00:00\",\"analyzers\":[\"quota\",\"quota\"],\"reviewId\":\"oct\","
        + "\"comment\":\"month review\"}");

    assertEquals("aws-us-gov", review.instance().partition());
    assertEquals(Instant.parse("2026-10-01T00:00:00Z"), review.window().start());
    assertEquals(Instant.parse("2026-10-31T00:00:00Z"), review.window().end());
    assertEquals(List.of("quota"), review.analyzers(), "duplicates collapse");
    assertEquals("oct", review.reviewId());
  }

  @Test
  void parse_daysBackBounds_areInclusive() {
    assertEquals(Duration.ofDays(1), parse("{\"daysBack\":1}").window().length());
    assertEquals(Duration.ofDays(90), parse("{\"daysBack\":90}").window().length());
    assertEquals(Duration.ofDays(7), parse("{\"daysBack\":7.0}").window().length());
  }

  @Test
  void parse_exactlyNinetyDayRange_isAccepted() {
    ValidatedReview review = parse("{\"startTime\":\"2026-08-25T00:00:00Z\",\"endTime\":\"2026-11-23T00:00:00Z\"}");
    assertEquals(Duration.ofDays(90), review.window().length());
  }

  @Test
  void parse_collectsEveryProblemInOneMessage() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> parse("{\"daysBack\":0,\"analyzers\":[\"nope\"],\"reviewId\":\"a b\"}"));

    assertEquals(List.of("daysBack", "analyzers[0]", "reviewId"),
        e.errors().stream().map(InvalidRequestException.FieldError::field).toList());
    assertTrue(e.getMessage().contains("known: instance, quota"), e.getMessage());
  }

  @Test
  void parse_scheduledEvent_usesEventTimeAndDefaults() {
    ValidatedReview review = parse("{\"version\":\"0\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\","
        + "\"time\":\"2026-11-23T09:00:00Z\",\"detail\":{}}");

    assertTrue(review.scheduled());
    assertEquals(Instant.parse("2026-11-23T09:00:00Z"), review.window().end());
    assertEquals(ARN, review.instance().arn());
  }

  @Test
  void parse_scheduledEventWithoutDefaultInstance_namesTheSetting() {
    ReviewRequestParser noDefault = new ReviewRequestParser(Clock.fixed(NOW, ZoneOffset.UTC), null, List.of("instance"));

    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> noDefault.parse(
        "{\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"time\":\"2026-11-23T09:00:00Z\"}"
            .getBytes(StandardCharsets.UTF_8)));

    assertTrue(e.getMessage().contains("CONNECT_INSTANCE_ARN"), e.getMessage());
  }

  @Test
  void parse_badValueInMessage_isAbbreviatedAndControlCharsNeutralised() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> parse("{\"reviewId\":\"" + "\\n".repeat(3) + "x".repeat(200) + "\"}"));

    assertFalse(e.getMessage().contains("\n"), "no raw newlines in the message");
    assertTrue(e.getMessage().length() < 400, e.getMessage());
  }
}

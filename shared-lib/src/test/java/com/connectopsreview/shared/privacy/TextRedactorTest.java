package com.connectopsreview.shared.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextRedactorTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      call me on +12095550103 please|call me on [phone] please
      +44 7700 900123|[phone]
      (209) 555-0103|[phone]
      209-555-0103 or 209.555.0104|[phone] or [phone]
      07700 900123|[phone]
      typed 48213377920|typed [phone]
      card 4111 1111 1111 1111 exp|card [card] exp
      4111-1111-1111-1111|[card]
      5500000000000004|[card]
      mail Ana.Ruiz+billing@example.co.uk now|mail [email] now
      """)
  void customerIdentifiers_areMasked(String text, String expected) {
    assertEquals(expected, TextRedactor.redact(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "arn:aws:connect:us-east-1:123456789012:instance/aaaa1111-2222-3333-4444-555566667777",
      "contact 2f9bd7a4-6c1e-4b83-9d56-012345678901 ended",
      "2026-12-03T10:15:30.123Z",
      "on 2026-12-03 at 10:15",
      "queue size 42, wait 12.5 s, 3 retries",
      "The Lambda Function Returned An Error.",
      "Press 1 for sales"})
  void systemValues_areLeftAlone(String text) {
    assertEquals(text, TextRedactor.redact(text));
  }
}

package com.connectopsreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeLinksTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "https://eu-west-2.console.aws.amazon.com/connect/v2/app/instances/abc/overview?region=eu-west-2",
      "http://localhost:8080/x",
      "HTTPS://EXAMPLE.COM/path#frag",
      "https://eu-west-2.console.aws.amazon.com/cloudwatch/home?region=eu-west-2#logsV2:logs-insights$3FqueryDetail$3D~(end~0)"})
  void httpOrNull_whenHttpUrlWithHost_keepsIt(String url) {
    assertEquals(url, SafeLinks.httpOrNull(url));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
      "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox", "//evil.example.com/x", "/relative/path",
      "https:/no-host", "https://exa mple.com", "mailto:a@example.com", "file:///etc/passwd", "ftp://host/x",
      "", "   "})
  void httpOrNull_whenAnythingElse_refusesIt(String url) {
    assertNull(SafeLinks.httpOrNull(url));
  }

  @org.junit.jupiter.api.Test
  void httpOrNull_whenNull_refusesIt() {
    assertNull(SafeLinks.httpOrNull(null));
  }
}

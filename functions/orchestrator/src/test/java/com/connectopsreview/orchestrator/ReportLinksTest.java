package com.connectopsreview.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.exception.ConfigurationException;
import com.connectopsreview.shared.model.ReportRef;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

class ReportLinksTest {

  static ReportLinks links(int minutes) {
    // The tests' environment blanks AWS_ENDPOINT_URL (no real endpoint by accident); name S3's own.
    return new ReportLinks(S3Presigner.builder().region(Region.EU_WEST_2)
        .endpointOverride(URI.create("https://s3.eu-west-2.amazonaws.com"))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDPRESIGN", "secret")))
        .build(), Duration.ofMinutes(minutes));
  }

  @Test
  void link_presignsTheReportsHtml_expiringAfterTheConfiguredMinutes() {
    String url = links(90).link(new ReportRef("s3://stack-reports-123456789012/reports/i-1/r-1/report.html",
        "s3://stack-reports-123456789012/reports/i-1/r-1/report.json"));

    URI uri = URI.create(url);
    assertEquals("https", uri.getScheme());
    assertEquals("stack-reports-123456789012.s3.eu-west-2.amazonaws.com", uri.getHost());
    assertEquals("/reports/i-1/r-1/report.html", uri.getPath());
    assertTrue(uri.getQuery().contains("X-Amz-Expires=5400"), uri.getQuery());
    assertTrue(uri.getQuery().contains("X-Amz-Credential=AKIDPRESIGN/"), uri.getQuery());
    assertTrue(uri.getQuery().contains("X-Amz-Signature="), uri.getQuery());
    assertTrue(uri.getQuery().contains("response-content-type=text/html"), "opens as a page, not a download");
  }

  @Test
  void link_isNullForReportsOutsideS3() {
    assertNull(links(60).link(new ReportRef("/tmp/review-output/reviews/r/artifacts/report.html", null)));
    assertNull(links(60).link(new ReportRef("dynamodb://table/r/report.html", null)));
    assertNull(links(60).link(null));
  }

  @Test
  void expiry_defaultsToAnHour_andRefusesWhatSigV4Cannot() {
    assertEquals(Duration.ofMinutes(60), ReportLinks.expiry(Map.of()));
    assertEquals(Duration.ofMinutes(720), ReportLinks.expiry(Map.of(ReportLinks.EXPIRY_ENV, "720")));
    for (String bad : new String[] {"0", "10081", "an hour"}) {
      ConfigurationException e = assertThrows(ConfigurationException.class,
          () -> ReportLinks.expiry(Map.of(ReportLinks.EXPIRY_ENV, bad)));
      assertTrue(e.getMessage().startsWith("REPORT_URL_EXPIRY_MINUTES is malformed"), e.getMessage());
    }
  }
}

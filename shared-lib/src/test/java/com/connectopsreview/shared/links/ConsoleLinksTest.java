package com.connectopsreview.shared.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.model.InstanceRef;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ConsoleLinksTest {

  static final InstanceRef INSTANCE = InstanceRef.parse(
      "arn:aws:connect:eu-west-2:123456789012:instance/11111111-2222-3333-4444-555555555555");
  final ConsoleLinks links = ConsoleLinks.forInstance(INSTANCE).withAccessUrl("https://my-alias.my.connect.aws/");

  @Test
  void awsConsolePages_matchTheUpstreamTemplates() {
    assertEquals("https://eu-west-2.console.aws.amazon.com/connect/v2/app/instances/"
        + "11111111-2222-3333-4444-555555555555/overview?region=eu-west-2", links.instanceOverview());
    assertEquals("https://eu-west-2.console.aws.amazon.com/servicequotas/home/services/connect/quotas",
        links.serviceQuotas());
    assertEquals("https://eu-west-2.console.aws.amazon.com/servicequotas/home/services/connect/quotas/L-1234ABCD",
        links.serviceQuota("L-1234ABCD"));
    assertEquals("https://eu-west-2.console.aws.amazon.com/cloudwatch/home?region=eu-west-2"
        + "#metricsV2:graph=~();namespace=AWS/Connect;dimensions=InstanceId", links.cloudWatchMetrics());
    assertEquals("https://eu-west-2.console.aws.amazon.com/cloudtrailv2/home?region=eu-west-2#/events",
        links.cloudTrailEvents());
  }

  @Test
  void cloudTrailEvents_filteredByOneAttributeAndTheWindow_encodesValueAndTimes() {
    assertEquals("https://eu-west-2.console.aws.amazon.com/cloudtrailv2/home?region=eu-west-2#/events"
            + "?EventSource=connect.amazonaws.com&StartTime=2026-11-09T09%3A00%3A00Z&EndTime=2026-11-23T09%3A00%3A05Z",
        links.cloudTrailEvents("EventSource", "connect.amazonaws.com", java.time.Instant.parse("2026-11-09T09:00:00Z"),
            java.time.Instant.parse("2026-11-23T09:00:05.250Z")));
    assertTrue(links.cloudTrailEvents("EventName", "A B&C", java.time.Instant.EPOCH, java.time.Instant.EPOCH)
        .contains("#/events?EventName=A%20B%26C&StartTime="));
  }

  @Test
  void adminWebsitePages_useTheAccessHost() {
    assertEquals("https://my-alias.my.connect.aws/real-time-metrics/landing", links.realTimeMetrics());
    assertEquals("https://my-alias.my.connect.aws/historical-metrics/landing", links.historicalMetrics());
    assertEquals("https://my-alias.my.connect.aws/numbers#/", links.phoneNumbers());
    assertEquals("https://my-alias.my.connect.aws/contact-flows", links.contactFlows());
  }

  @Test
  void editFlow_encodesTheFlowArnAsAQueryValue() {
    String url = links.editFlow("arn:aws:connect:eu-west-2:123456789012:instance/x/contact-flow/f 1&a=b");

    assertEquals("https://my-alias.my.connect.aws/contact-flows/edit?id="
        + "arn%3Aaws%3Aconnect%3Aeu-west-2%3A123456789012%3Ainstance%2Fx%2Fcontact-flow%2Ff%201%26a%3Db"
        + "&tab=designer", url);
    URI.create(url); // parses as a URI
  }

  @Test
  void logsInsights_usesTheConsolesTildeEncoding() {
    String url = links.logsInsights("/aws/connect/my alias", 14);

    assertTrue(url.startsWith("https://eu-west-2.console.aws.amazon.com/cloudwatch/home?region=eu-west-2"
        + "#logsV2:logs-insights$3FqueryDetail$3D~(end~0~start~-1209600~timeType~'RELATIVE~unit~'seconds"
        + "~editorString~'fields*20*40timestamp*2c*20*40message*0a*7c*20filter*20*40message*20like*20*2fERROR*2f"
        + "*0a*7c*20sort*20*40timestamp*20desc~isLiveTail~false~queryId~'~source~(~'"), url);
    assertTrue(url.endsWith("~'*2faws*2fconnect*2fmy*20alias))"), url);
    URI.create(url);
  }

  @Test
  void pathSegments_areEncoded() {
    assertEquals("https://eu-west-2.console.aws.amazon.com/kinesis/home?region=eu-west-2"
        + "#/streams/details/ctr%2Fstream%20x/configuration", links.kinesisStream("ctr/stream x"));
    assertEquals("https://s3.console.aws.amazon.com/s3/buckets/my-bucket?region=eu-west-2&tab=properties",
        links.s3Bucket("my-bucket"));
  }

  @Test
  void kmsKey_acceptsIdsArnsAndAliases() {
    String base = "https://eu-west-2.console.aws.amazon.com/kms/home?region=eu-west-2#/kms/";
    assertEquals(base + "keys/1234abcd-12ab-34cd-56ef-1234567890ab",
        links.kmsKey("arn:aws:kms:eu-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"));
    assertEquals(base + "keys/1234abcd", links.kmsKey("1234abcd"));
    assertEquals(base + "defaultKeys", links.kmsKey("arn:aws:kms:eu-west-2:123456789012:alias/aws/connect"));
    assertEquals(base + "keys", links.kmsKey("alias/my-key"));
  }

  @Test
  void govCloud_usesItsConsoleDomain() {
    ConsoleLinks gov = ConsoleLinks.forInstance(InstanceRef.parse(
        "arn:aws-us-gov:connect:us-gov-west-1:123456789012:instance/11111111-2222-3333-4444-555555555555"));

    assertTrue(gov.instanceOverview().startsWith("https://us-gov-west-1.console.amazonaws-us-gov.com/connect/"));
  }

  @Test
  void adminLinks_withoutAccessUrl_failLoudly() {
    ConsoleLinks noAccess = ConsoleLinks.forInstance(INSTANCE);

    assertEquals(false, noAccess.hasAccessUrl());
    assertThrows(IllegalStateException.class, noAccess::contactFlows);
    assertEquals("alias.my.connect.aws", ConsoleLinks.accessHost("http://alias.my.connect.aws/connect/home"));
  }
}

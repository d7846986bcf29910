package com.connectopsreview.shared.links;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CloudWatch links of the logs component: a Logs Insights query over an absolute range, alarms, log groups. */
class ConsoleLinksLogsTest {

  private final ConsoleLinks links = ConsoleLinks.forInstance(ConsoleLinksTest.INSTANCE);

  @Test
  void logsInsights_exactQueryGroupsAndAbsoluteUtcRange_inTheConsolesTildeEncoding() {
    String url = links.logsInsights(List.of("/aws/connect/my-alias", "/aws/connect/b"),
        "filter Results like /(?i)error/\n| stats count(*) by ContactFlowId", Instant.parse("2026-11-09T09:00:00Z"),
        Instant.parse("2026-11-23T08:59:59Z"));

    assertEquals("https://eu-west-2.console.aws.amazon.com/cloudwatch/home?region=eu-west-2#logsV2:logs-insights"
        + "$3FqueryDetail$3D~(end~'2026-11-23T08*3a59*3a59Z~start~'2026-11-09T09*3a00*3a00Z~timeType~'ABSOLUTE"
        + "~tz~'UTC~editorString~'filter*20Results*20like*20*2f*28*3fi*29error*2f*0a*7c*20stats*20count*28*2a*29"
        + "*20by*20ContactFlowId~isLiveTail~false~queryId~'~source~(~'*2faws*2fconnect*2fmy-alias"
        + "~'*2faws*2fconnect*2fb))", url);
    URI.create(url);
  }

  @Test
  void alarmsAndLogGroups_ofTheInstancesRegion() {
    assertEquals("https://eu-west-2.console.aws.amazon.com/cloudwatch/home?region=eu-west-2#alarmsV2:",
        links.cloudWatchAlarms());
    assertEquals("https://eu-west-2.console.aws.amazon.com/cloudwatch/home?region=eu-west-2"
        + "#logsV2:log-groups$3FlogGroupNameFilter$3D*2faws*2fconnect*2f", links.logGroups("/aws/connect/"));
  }
}

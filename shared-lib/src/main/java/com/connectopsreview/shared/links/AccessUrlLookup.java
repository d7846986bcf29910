package com.connectopsreview.shared.links;

import com.connectopsreview.shared.aws.AwsErrors;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.time.TimeBudget;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.DescribeInstanceRequest;
import software.amazon.awssdk.services.connect.model.Instance;

/**
 * The instance's links with its admin-website access URL, read with one Connect
 * {@code DescribeInstance}. The links into the admin website (flow designer, phone numbers,
 * dashboards) need that URL; without it an analyzer still has its console links, and the note says
 * why the others are missing. Not having the URL is never an error of the component: its data is
 * complete either way.
 *
 * <p>Needs the {@code connect} SDK module on the classpath (every analyzer that calls this has it).
 */
public final class AccessUrlLookup {

  /**
   * @param links the instance's links, with the access URL when it was read
   * @param note why the access URL is unknown; null when it is known
   */
  public record Resolved(ConsoleLinks links, String note) {}

  private AccessUrlLookup() {}

  public static Resolved read(ServiceClients clients, InstanceRef instance, TimeBudget budget) {
    ConsoleLinks links = ConsoleLinks.forInstance(instance);
    try {
      budget.check("Connect DescribeInstance");
      // The request object, not the Consumer overload: mocked clients stub the former.
      Instance described = clients.client(ConnectClient.class, Region.of(instance.region()))
          .describeInstance(DescribeInstanceRequest.builder().instanceId(instance.id()).build()).instance();
      links = links.withAccessUrl(described == null ? null : described.instanceAccessUrl());
      return new Resolved(links, links.hasAccessUrl() ? null : "DescribeInstance returned no InstanceAccessUrl");
    } catch (SdkException | TimeBudget.BudgetExceededException e) {
      return new Resolved(links, "instance access URL unknown (DescribeInstance: " + AwsErrors.reason(e) + ")");
    }
  }
}

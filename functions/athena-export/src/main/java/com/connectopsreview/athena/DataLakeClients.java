package com.connectopsreview.athena;

import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.exception.ConfigurationException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * The clients the data lake is read with: the function's own, or, with DATALAKE_ROLE_ARN, clients
 * signing as that role (STS AssumeRole, credentials refreshed before they expire). Built on first use,
 * with STS in the Region of the first client asked for (the instance's).
 */
final class DataLakeClients implements ServiceClients {

  static final String SESSION_NAME = "connect-ops-review-athena";

  private final ServiceClients base;
  private final String roleArn;
  private ServiceClients assumed;

  private DataLakeClients(ServiceClients base, String roleArn) {
    this.base = base;
    this.roleArn = roleArn;
  }

  /** {@code base} itself when no role is configured. */
  static ServiceClients of(ServiceClients base, String roleArn) {
    return roleArn == null ? base : new DataLakeClients(base, roleArn);
  }

  @Override
  public <C extends SdkClient> C client(Class<C> type, Region region) {
    return assumed(region).client(type, region);
  }

  private synchronized ServiceClients assumed(Region region) {
    if (assumed == null) {
      if (!(base instanceof AwsClients aws)) {
        throw new ConfigurationException("DATALAKE_ROLE_ARN is set, but these clients cannot assume a role");
      }
      StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
          .stsClient(base.client(StsClient.class, region))
          .refreshRequest(AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName(SESSION_NAME).build())
          .build();
      assumed = aws.withCredentials(provider);
    }
    return assumed;
  }
}

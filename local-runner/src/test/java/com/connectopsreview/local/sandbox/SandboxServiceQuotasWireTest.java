package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.capacity.SandboxQuotas;
import com.connectopsreview.local.sandbox.capacity.CapacityDomain;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.servicequotas.model.IllegalArgumentException;
import software.amazon.awssdk.services.servicequotas.model.InvalidPaginationTokenException;
import software.amazon.awssdk.services.servicequotas.model.ListServiceQuotasResponse;
import software.amazon.awssdk.services.servicequotas.model.NoSuchResourceException;
import software.amazon.awssdk.services.servicequotas.model.QuotaContextScope;
import software.amazon.awssdk.services.servicequotas.model.ServiceQuota;

/** Service Quotas (JSON 1.1) through the real ServiceQuotasClient, against the SMALL sandbox. */
@ExtendWith(LoopbackGuardExtension.class)
class SandboxServiceQuotasWireTest {

  private static Sandbox sandbox;
  private static Scenario scenario;
  private static String instanceArn;

  @BeforeAll
  static void startSandbox() {
    sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL));
    scenario = sandbox.scenario();
    instanceArn = sandbox.instance().arn();
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @Test
  void getServiceQuota_withContextId_isTheInstanceValue_andCountedUnderServiceQuotas() {
    try (Sandbox own = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL))) {
      SandboxClients clients = SandboxClients.unlimited(own);
      getServiceQuota_withContextId(clients, own);
    }
  }

  private static void getServiceQuota_withContextId(SandboxClients clients, Sandbox sandbox) {
    ServiceQuotasClient quotas = clients.serviceQuotas();

    ServiceQuota users = quotas.getServiceQuota(b -> b.serviceCode("connect").quotaCode(SandboxQuotas.USERS)
        .contextId(instanceArn)).quota();
    ServiceQuota queues = quotas.getServiceQuota(b -> b.serviceCode("connect").quotaCode(SandboxQuotas.QUEUES)
        .contextId(instanceArn)).quota();

    assertEquals(47.0, users.value());
    assertEquals("Users per instance", users.quotaName());
    assertEquals(QuotaContextScope.RESOURCE, users.quotaContext().contextScope());
    assertEquals(instanceArn, users.quotaContext().contextId());
    assertEquals("arn:aws:servicequotas:us-east-1:123456789012:connect/L-9A46857E", users.quotaArn());
    assertEquals(100.0, queues.value());
    assertEquals(Map.of("ServiceQuotas:GetServiceQuota", 2L), clients.counter().snapshot());
    assertEquals(clients.counter().snapshot(), sandbox.servedCalls());
  }

  @Test
  void fallbackChain_instanceThenAccountThenDefault() {
    ServiceQuotasClient quotas = SandboxClients.unlimited(sandbox).serviceQuotas();

    // Lex bots V1: no instance value, an applied account value.
    assertThrows(NoSuchResourceException.class, () -> quotas.getServiceQuota(b -> b.serviceCode("connect")
        .quotaCode(SandboxQuotas.LEX_BOTS_V1).contextId(instanceArn)));
    ServiceQuota lex = quotas.getServiceQuota(b -> b.serviceCode("connect").quotaCode(SandboxQuotas.LEX_BOTS_V1))
        .quota();
    assertEquals(50.0, lex.value());
    assertNull(lex.quotaContext());

    // Workspaces: only the AWS default answers.
    assertThrows(NoSuchResourceException.class, () -> quotas.getServiceQuota(b -> b.serviceCode("connect")
        .quotaCode(SandboxQuotas.WORKSPACES).contextId(instanceArn)));
    assertThrows(NoSuchResourceException.class, () -> quotas.getServiceQuota(b -> b.serviceCode("connect")
        .quotaCode(SandboxQuotas.WORKSPACES)));
    assertEquals(50.0, quotas.getAWSDefaultServiceQuota(b -> b.serviceCode("connect")
        .quotaCode(SandboxQuotas.WORKSPACES)).quota().value());
  }

  @Test
  void unknownQuotaOrContext_isNoSuchResource_missingCodeIsIllegalArgument() {
    ServiceQuotasClient quotas = SandboxClients.unlimited(sandbox).serviceQuotas();

    NoSuchResourceException unknown = assertThrows(NoSuchResourceException.class,
        () -> quotas.getServiceQuota(b -> b.serviceCode("connect").quotaCode("L-00000000")));
    assertTrue(unknown.awsErrorDetails().errorMessage().contains("L-00000000"), unknown.getMessage());
    assertEquals(400, unknown.statusCode());
    assertThrows(NoSuchResourceException.class, () -> quotas.getServiceQuota(b -> b.serviceCode("connect")
        .quotaCode(SandboxQuotas.USERS).contextId(instanceArn.replace("instance/", "instance/0"))));
    assertThrows(NoSuchResourceException.class, () -> quotas.getAWSDefaultServiceQuota(b -> b.serviceCode("ec2")
        .quotaCode(SandboxQuotas.USERS)));
    assertThrows(IllegalArgumentException.class, () -> quotas.getServiceQuota(b -> b.serviceCode("connect")));
  }

  @Test
  void listServiceQuotas_paginatesAppliedAccountValues_withOneModifiedRateQuota() {
    CapacityDomain capacity = CapacityDomain.of(scenario);
    ServiceQuotasClient quotas = SandboxClients.unlimited(sandbox).serviceQuotas();

    List<ListServiceQuotasResponse> pages = quotas.listServiceQuotasPaginator(b -> b.serviceCode("connect")
        .maxResults(10)).stream().toList();
    List<ServiceQuota> applied = pages.stream().flatMap(p -> p.quotas().stream()).toList();
    List<ServiceQuota> defaults = quotas.listAWSDefaultServiceQuotasPaginator(b -> b.serviceCode("connect")
        .maxResults(100)).quotas().stream().toList();

    long withAccountValue = capacity.quotas().stream().filter(q -> q.accountValue() != null).count();
    assertEquals(withAccountValue, applied.size());
    assertEquals((withAccountValue + 9) / 10, pages.size());
    assertNull(pages.get(pages.size() - 1).nextToken());
    assertEquals(capacity.quotas().size(), defaults.size());

    Map<String, Double> defaultRates = defaults.stream().filter(q -> q.quotaName().startsWith("Rate of"))
        .collect(Collectors.toMap(ServiceQuota::quotaName, ServiceQuota::value));
    Map<String, Double> modified = applied.stream().filter(q -> q.quotaName().startsWith("Rate of"))
        .filter(q -> !q.value().equals(defaultRates.get(q.quotaName())))
        .collect(Collectors.toMap(ServiceQuota::quotaName, ServiceQuota::value));
    assertEquals(30, defaultRates.size());
    assertEquals(Map.of("Rate of StartOutboundVoiceContact API requests", 10.0), modified);
    ServiceQuota rate = applied.stream().filter(q -> q.quotaName().startsWith("Rate of ListUsers")).findFirst()
        .orElseThrow();
    assertEquals("ListUsers", rate.usageMetric().metricDimensions().get("Resource"));
    assertEquals("AWS/Usage", rate.usageMetric().metricNamespace());
  }

  @Test
  void listServiceQuotas_resourceLevel_andBadParameters() {
    ServiceQuotasClient quotas = SandboxClients.unlimited(sandbox).serviceQuotas();

    List<ServiceQuota> resource = quotas.listServiceQuotasPaginator(b -> b.serviceCode("connect")
        .quotaAppliedAtLevel("RESOURCE")).quotas().stream().toList();
    assertEquals(CapacityDomain.of(scenario).quotas().stream().filter(q -> q.instanceValue() != null).count(),
        resource.size());
    assertTrue(resource.stream().allMatch(q -> instanceArn.equals(q.quotaContext().contextId())));

    assertThrows(IllegalArgumentException.class, () -> quotas.listServiceQuotas(b -> b.serviceCode("connect")
        .maxResults(101)));
    assertThrows(InvalidPaginationTokenException.class, () -> quotas.listServiceQuotas(b -> b.serviceCode("connect")
        .nextToken("forged")));
  }
}

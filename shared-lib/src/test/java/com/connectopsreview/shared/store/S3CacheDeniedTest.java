package com.connectopsreview.shared.store;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.connectopsreview.shared.exception.StoreException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 answers a missing key with 403 when the caller may not list the bucket (the analyzers' roles):
 * a cache never written must read as absent, while other failures still surface.
 */
class S3CacheDeniedTest {

  private static final String KEY = "/bucket/cache/phone/aaaaaaaa-1111-2222-3333-444444444444.json";

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void getCache_answered403_isNoCacheYet() {
    WM.stubFor(get(urlPathEqualTo(KEY)).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/xml")
        .withBody("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>")));

    assertEquals(Optional.empty(), store().getCache("phone", "aaaaaaaa-1111-2222-3333-444444444444"));
  }

  @Test
  void getCache_answered500_isStillAnError() {
    WM.stubFor(get(urlPathEqualTo(KEY)).willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "application/xml")
        .withBody("<Error><Code>InternalError</Code><Message>boom</Message></Error>")));

    assertThrows(StoreException.class, () -> store().getCache("phone", "aaaaaaaa-1111-2222-3333-444444444444"));
  }

  private static S3ResultStore store() {
    S3Client s3 = S3Client.builder()
        .endpointOverride(URI.create(WM.baseUrl()))
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
        .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
        .build();
    return new S3ResultStore(s3, "bucket");
  }
}

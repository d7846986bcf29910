package com.connectopsreview.local.sandbox.server;

import com.connectopsreview.shared.hash.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * maxResults / nextToken pagination over an indexed list, with AWS's semantics: page sizes between 1
 * and the API's documented maximum (the API's default when absent), opaque tokens that are only
 * valid for the operation and filter that issued them, no token on the last page.
 */
public final class Pager {

  /** One page: the indexes it holds and the token of the next page (null on the last). */
  public record Page(List<Integer> indexes, String nextToken) {}

  private final byte[] secret;

  Pager(long seed) {
    this.secret = ByteBuffer.allocate(Long.BYTES).putLong(seed ^ 0x5eed_7a6e_b00c_0001L).array();
  }

  /**
   * @param scope what the listing is filtered by (a token only works with the same scope)
   * @param total entities 0..total-1
   * @param include which of them the filter keeps
   * @param maxResults as the caller sent it (null: {@code defaultSize})
   * @param maxMember the parameter's name in error messages ({@code maxResults} or {@code MaxResults})
   */
  public Page page(Call call, String scope, int total, IntPredicate include, Integer maxResults, String maxMember,
      String token, int defaultSize, int maxSize) {
    int size = maxResults == null ? defaultSize : maxResults;
    if (size < 1 || size > maxSize) {
      throw call.service().invalidParameter("1 validation error detected: Value '" + size + "' at '" + maxMember
          + "' failed to satisfy constraint: Member must have value "
          + (size < 1 ? "greater than or equal to 1" : "less than or equal to " + maxSize));
    }
    String key = call.operation().key() + "|" + scope;
    int offset = token == null || token.isEmpty() ? 0 : Math.toIntExact(decode(call, key, token));
    List<Integer> indexes = new ArrayList<>(Math.min(size, Math.max(0, total - offset)));
    int i = offset;
    for (; i < total && indexes.size() < size; i++) {
      if (include.test(i)) {
        indexes.add(i);
      }
    }
    while (i < total && !include.test(i)) {
      i++;
    }
    return new Page(indexes, i < total ? encode(key, i) : null);
  }

  /**
   * A token for position {@code offset} of a listing that is not a plain index list (e.g. the
   * datapoints of GetMetricData); valid only for the same operation and {@code scope}.
   */
  public String token(Call call, String scope, long offset) {
    return encode(call.operation().key() + "|" + scope, offset);
  }

  /** The position a {@link #token} stands for, or the service's invalid-token error. */
  public long offset(Call call, String scope, String token) {
    return decode(call, call.operation().key() + "|" + scope, token);
  }

  private String encode(String key, long offset) {
    String body = offset + "." + signature(key, offset);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(body.getBytes(StandardCharsets.US_ASCII));
  }

  private long decode(Call call, String key, String token) {
    try {
      String body = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
      int dot = body.indexOf('.');
      long offset = Long.parseLong(body.substring(0, dot));
      if (offset >= 0 && signature(key, offset).equals(body.substring(dot + 1))) {
        return offset;
      }
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      // falls through to the service's error
    }
    throw call.service().invalidNextToken("Invalid NextToken: the token is malformed, expired, or was issued "
        + "for another request");
  }

  private String signature(String key, long offset) {
    byte[] signed = (key + "|" + offset).getBytes(StandardCharsets.UTF_8);
    byte[] input = Arrays.copyOf(secret, secret.length + signed.length);
    System.arraycopy(signed, 0, input, secret.length, signed.length);
    return HexFormat.of().formatHex(Sha256.digest(input), 0, 12);
  }
}

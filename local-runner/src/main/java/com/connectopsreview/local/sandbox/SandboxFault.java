package com.connectopsreview.local.sandbox;

/**
 * A fault the sandbox injects into every answer of one operation (see {@link SandboxOptions#faults()}).
 * Each service answers in its own error vocabulary, as the real service would.
 */
public enum SandboxFault {
  /** Connect, Pinpoint: 403 AccessDeniedException. Kinesis, Firehose: 400 AccessDeniedException. */
  ACCESS_DENIED,
  /** Connect: 500 InternalServiceException. Kinesis: 500 InternalFailureException. Firehose: 500 ServiceUnavailableException. */
  SERVER_ERROR,
  /** HTTP 200 whose body (JSON or CBOR) is cut off half way: the SDK cannot unmarshal it. */
  MALFORMED_BODY
}

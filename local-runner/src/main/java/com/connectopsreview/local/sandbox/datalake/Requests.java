package com.connectopsreview.local.sandbox.datalake;

import com.connectopsreview.local.sandbox.server.Call;

/** Request members both JSON 1.1 services of the data lake (Glue, Athena) require. */
final class Requests {

  private Requests() {}

  /** The member's value; absent or empty is the services' own ValidationException-style message. */
  static String required(Call call, String member) {
    String value = call.string(member);
    if (value == null || value.isEmpty()) {
      throw call.service().invalidParameter("1 validation error detected: Value null at '"
          + Character.toLowerCase(member.charAt(0)) + member.substring(1) + "' failed to satisfy constraint: Member "
          + "must not be null");
    }
    return value;
  }
}

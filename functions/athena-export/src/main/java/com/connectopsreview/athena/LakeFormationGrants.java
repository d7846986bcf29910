package com.connectopsreview.athena;

import com.connectopsreview.shared.analyzer.Outcome;
import com.connectopsreview.shared.analyzer.ReadLog;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.DataLakePrincipal;
import software.amazon.awssdk.services.lakeformation.model.ListPermissionsRequest;
import software.amazon.awssdk.services.lakeformation.model.ListPermissionsResponse;
import software.amazon.awssdk.services.lakeformation.model.PrincipalResourcePermissions;
import software.amazon.awssdk.services.lakeformation.model.Resource;
import software.amazon.awssdk.services.lakeformation.model.TableResource;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * What Lake Formation grants this function's principal on a table, so a denial can say which
 * permission is missing. Lake Formation {@code ListPermissions} with both Principal and Resource
 * answers the principal's effective permissions on the resource. The principal is the data lake role
 * when one is assumed, else the caller's role (STS {@code GetCallerIdentity}; an assumed-role ARN
 * names the role, whose IAM ARN is what Lake Formation grants to).
 */
final class LakeFormationGrants {

  /**
   * @param principal the principal asked about; null when it could not be told
   * @param permissions its effective permissions on the resource, sorted; null when not readable
   * @param reason why they could not be read; null when read
   */
  record Held(String principal, List<String> permissions, String reason) {}

  private static final Pattern ASSUMED_ROLE =
      Pattern.compile("arn:(aws[a-z-]*):sts::(\\d{12}):assumed-role/([\\w+=,.@-]+)/.*");

  private final Supplier<LakeFormationClient> lakeFormation;
  private final Supplier<StsClient> sts;
  private final ReadLog log;
  private final String roleArn;
  private Outcome<String> principal;

  /**
   * @param lakeFormation and {@code sts}: built only when a denial is explained
   * @param roleArn the role assumed for the data lake, null when none (then STS tells the caller)
   */
  LakeFormationGrants(Supplier<LakeFormationClient> lakeFormation, Supplier<StsClient> sts, ReadLog log,
      String roleArn) {
    this.lakeFormation = lakeFormation;
    this.sts = sts;
    this.log = log;
    this.roleArn = roleArn;
  }

  Held onTable(String catalogId, String database, String table) {
    Outcome<String> who = principal();
    if (!who.isOk()) {
      return new Held(null, null, "the caller's identity could not be read (STS GetCallerIdentity: "
          + who.reason() + ")");
    }
    Resource resource = Resource.builder().table(TableResource.builder().catalogId(catalogId)
        .databaseName(database).name(table).build()).build();
    Outcome<List<String>> read = log.attempt(() -> {
      TreeSet<String> held = new TreeSet<>();
      for (ListPermissionsResponse page : log.pages("Lake Formation ListPermissions", lakeFormation.get()
          .listPermissionsPaginator(ListPermissionsRequest.builder().catalogId(catalogId)
              .principal(DataLakePrincipal.builder().dataLakePrincipalIdentifier(who.get()).build())
              .resource(resource).build()))) {
        for (PrincipalResourcePermissions grant : page.principalResourcePermissions()) {
          held.addAll(grant.permissionsAsStrings());
        }
      }
      return new ArrayList<>(held);
    });
    if (!read.isOk()) {
      return new Held(who.get(), null, "Lake Formation ListPermissions: " + read.reason());
    }
    return new Held(who.get(), List.copyOf(read.get()), null);
  }

  private synchronized Outcome<String> principal() {
    if (principal == null) {
      principal = roleArn != null ? Outcome.ok(roleArn)
          : log.attempt(() -> roleOf(sts.get().getCallerIdentity().arn()));
    }
    return principal;
  }

  /** {@code arn:aws:sts::123:assumed-role/Name/session} is role {@code arn:aws:iam::123:role/Name}; other ARNs as they are. */
  static String roleOf(String callerArn) {
    Matcher m = ASSUMED_ROLE.matcher(callerArn);
    return m.matches() ? "arn:" + m.group(1) + ":iam::" + m.group(2) + ":role/" + m.group(3) : callerArn;
  }
}

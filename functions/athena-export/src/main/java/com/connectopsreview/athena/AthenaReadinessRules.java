package com.connectopsreview.athena;

import com.connectopsreview.shared.aws.AwsErrors;
import com.connectopsreview.shared.links.ConsoleLinks;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.AthenaSection.CheckIds;
import com.connectopsreview.shared.sections.AthenaSection.Target;
import com.connectopsreview.shared.sections.AthenaSection.Workgroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.athena.model.EncryptionConfiguration;
import software.amazon.awssdk.services.athena.model.ResultConfiguration;
import software.amazon.awssdk.services.athena.model.WorkGroup;
import software.amazon.awssdk.services.athena.model.WorkGroupConfiguration;

/**
 * The readiness rules of the {@code athena} component: can Athena in this account query the Amazon
 * Connect data lake (workgroup, database, tables, Lake Formation grants)? Each problem is a finding
 * with its fix; docs/checks.md, section "athena", lists them.
 */
final class AthenaReadinessRules {

  /**
   * The data lake tables the KPI queries read, as the Connect admin guide names them: contact_record
   * (volume, abandonment, service level, handle time, transfers) and contact_flow_events (contacts
   * disconnected in a flow).
   */
  static final List<String> REQUIRED_TABLES = List.of("contact_record", "contact_flow_events");

  private final InstanceRef instance;
  private final ConsoleLinks links;

  AthenaReadinessRules(InstanceRef instance) {
    this.instance = instance;
    this.links = ConsoleLinks.forInstance(instance);
  }

  /** The workgroup's facts; the output location falls back to ATHENA_OUTPUT_LOCATION only when not enforced. */
  static Workgroup workgroup(WorkGroup group, AthenaSettings settings) {
    WorkGroupConfiguration config = group.configuration();
    ResultConfiguration results = config == null ? null : config.resultConfiguration();
    EncryptionConfiguration encryption = results == null ? null : results.encryptionConfiguration();
    String location = results == null ? null : blankToNull(results.outputLocation());
    boolean enforced = config != null && Boolean.TRUE.equals(config.enforceWorkGroupConfiguration());
    boolean managed = config != null && config.managedQueryResultsConfiguration() != null
        && Boolean.TRUE.equals(config.managedQueryResultsConfiguration().enabled());
    // Enforced workgroup settings override the client's, so our own location would not be used.
    String effective = location != null ? location : enforced ? null : settings.outputLocation();
    return new Workgroup(group.name(), group.stateAsString(), location,
        encryption == null ? null : encryption.encryptionOptionAsString(), enforced, managed, effective);
  }

  List<Finding> workgroupFindings(Workgroup group) {
    List<Finding> findings = new ArrayList<>();
    String resource = workgroupArn(group.name());
    String url = links.athenaWorkgroup(group.name());
    if (!"ENABLED".equals(group.state())) {
      findings.add(Finding.builder(CheckIds.WORKGROUP_DISABLED, Severity.HIGH, Pillar.RELIABILITY)
          .title("Athena workgroup " + group.name() + " is " + group.state())
          .detail("Queries cannot run in a workgroup that is not ENABLED, so no contact outcome can be read.")
          .recommendation("Enable the workgroup (Athena UpdateWorkGroup State=ENABLED), or set ATHENA_WORKGROUP "
              + "to an enabled one.")
          .resource(resource).consoleUrl(url).evidence("state", group.state()).build());
    }
    if (group.effectiveOutputLocation() == null && !group.managedQueryResults()) {
      findings.add(Finding.builder(CheckIds.WORKGROUP_NO_RESULT_LOCATION, Severity.MEDIUM, Pillar.OPERATIONAL_EXCELLENCE)
          .title("Athena workgroup " + group.name() + " has no query result location")
          .detail(group.enforceWorkGroupConfiguration()
              ? "The workgroup enforces its configuration, which names no OutputLocation: queries fail."
              : "Neither the workgroup nor ATHENA_OUTPUT_LOCATION names an OutputLocation: queries fail.")
          .recommendation("Set the workgroup's query result location (ResultConfiguration.OutputLocation, an S3 "
              + "prefix with a lifecycle rule), or turn on managed query results.")
          .resource(resource).consoleUrl(url)
          .evidence("enforceWorkGroupConfiguration", group.enforceWorkGroupConfiguration()).build());
    }
    boolean encrypted = group.encryptionOption() != null || group.managedQueryResults();
    if (!encrypted && group.effectiveOutputLocation() != null) {
      findings.add(Finding.builder(CheckIds.WORKGROUP_RESULTS_NOT_ENCRYPTED, Severity.MEDIUM, Pillar.SECURITY)
          .title("Athena workgroup " + group.name() + " does not encrypt query results")
          .detail("Query results hold contact data; the workgroup sets no EncryptionConfiguration.")
          .recommendation("Set ResultConfiguration.EncryptionConfiguration (SSE_KMS with a customer managed key, "
              + "or SSE_S3) and EnforceWorkGroupConfiguration so clients cannot turn it off.")
          .resource(resource).consoleUrl(url)
          .evidence("outputLocation", group.effectiveOutputLocation()).build());
    }
    if (findings.isEmpty()) {
      findings.add(Finding.builder(CheckIds.WORKGROUP_READY, Severity.PASS, Pillar.OPERATIONAL_EXCELLENCE)
          .title("Athena workgroup " + group.name() + " is enabled, with an encrypted result location")
          .resource(resource).consoleUrl(url)
          .evidence("outputLocation", group.effectiveOutputLocation())
          .evidence("encryptionOption", group.encryptionOption())
          .evidence("managedQueryResults", group.managedQueryResults()).build());
    }
    return findings;
  }

  Finding databaseNotFound(String database) {
    return Finding.builder(CheckIds.DATABASE_NOT_FOUND, Severity.HIGH, Pillar.RELIABILITY)
        .title("Glue database " + database + " does not exist")
        .detail("ATHENA_DATABASE names a database the Data Catalog of " + instance.accountId() + " does not hold.")
        .recommendation("Create the resource link to the producer account's data lake database (Glue "
            + "CreateDatabase with TargetDatabase), or correct ATHENA_DATABASE.")
        .resource(databaseArn(instance.region(), instance.accountId(), database)).build();
  }

  /** A table (or a resource link's target) without StorageDescriptor: seed 000's "Table StorageDescriptor is null". */
  Finding noStorageDescriptor(String database, String table, Target target) {
    Finding.Builder finding = Finding.builder(CheckIds.RESOURCE_LINK_NO_STORAGE_DESCRIPTOR, Severity.HIGH,
            Pillar.RELIABILITY)
        .title("Table " + database + "." + table + " has no StorageDescriptor: Athena queries fail")
        .consoleUrl(links.lakeFormationPermissions())
        .resource(tableArn(instance.region(), instance.accountId(), database, table));
    if (target == null) {
      return finding
          .detail("GetTables answers the table without StorageDescriptor (columns, location); Athena fails with "
              + "\"Table StorageDescriptor is null\".")
          .recommendation("Recreate the table with its StorageDescriptor (columns, Location, SerDe).").build();
    }
    return finding
        .detail("The resource link points at " + describe(target) + "; GetTable on that target answers no "
            + "StorageDescriptor, so Athena fails with \"Table StorageDescriptor is null\". A grant on the "
            + "resource link alone gives DESCRIBE on the link, not on the table it points at.")
        .recommendation("In the producer account " + target.catalogId() + ", grant this function's role DESCRIBE "
            + "and SELECT on the TARGET table " + target.databaseName() + "." + target.name() + " with Lake "
            + "Formation (GrantPermissions, Resource.Table with CatalogId " + target.catalogId() + "), not only on "
            + "the resource link; then confirm GetTable on the link shows StorageDescriptor.Columns.")
        .evidence("targetCatalogId", target.catalogId())
        .evidence("targetDatabase", target.databaseName())
        .evidence("targetTable", target.name())
        .evidence("targetRegion", target.region()).build();
  }

  Finding targetNotFound(String database, String table, Target target) {
    return Finding.builder(CheckIds.RESOURCE_LINK_TARGET_NOT_FOUND, Severity.HIGH, Pillar.RELIABILITY)
        .title("Resource link " + database + "." + table + " points at a table that does not exist")
        .detail("GetTable on " + describe(target) + " answers EntityNotFoundException.")
        .recommendation("Recreate the resource link with the producer's table name (TargetTable.Name), or share "
            + "the table again from the producer account.")
        .resource(tableArn(instance.region(), instance.accountId(), database, table))
        .evidence("targetCatalogId", target.catalogId())
        .evidence("targetDatabase", target.databaseName())
        .evidence("targetTable", target.name()).build();
  }

  /**
   * Lake Formation refused metadata (or data) to this role.
   *
   * @param permission the Lake Formation permission that is missing (DESCRIBE for metadata, SELECT for data)
   * @param what the resource, in words ("table x.y in catalog 123456789012")
   * @param resourceArn the resource's Glue ARN
   * @param held what Lake Formation grants the principal there; null when not asked
   */
  Finding lakeFormationDenied(String operation, String permission, String what, String resourceArn, String reason,
      LakeFormationGrants.Held held) {
    String principal = held == null || held.principal() == null ? "this function's role" : held.principal();
    String grants = held == null ? ""
        : held.permissions() == null ? " Its grants there could not be read (" + held.reason() + ")."
        : held.permissions().isEmpty() ? " Lake Formation grants " + principal + " nothing there."
        : " Lake Formation grants " + principal + " only " + String.join(", ", held.permissions()) + " there.";
    Finding.Builder finding = Finding.builder(CheckIds.LAKE_FORMATION_DENIED, Severity.HIGH, Pillar.SECURITY)
        .title("Lake Formation denies " + permission + " on " + what)
        .detail(operation + " was refused by Lake Formation: " + reason + "." + grants)
        .recommendation("Grant " + principal + " " + permission + " on " + what + " in Lake Formation ("
            + "GrantPermissions; DESCRIBE and SELECT for the KPI queries). For a resource link, grant on the link "
            + "in this account and on its target table, with the producer's CatalogId, in the account the share "
            + "was accepted in.")
        .resource(resourceArn).consoleUrl(links.lakeFormationPermissions())
        .evidence("operation", operation).evidence("permission", permission);
    if (held != null) {
      finding.evidence("principal", held.principal());
      if (held.permissions() != null) {
        finding.evidence("grantedPermissions", String.join(",", held.permissions()));
      }
    }
    return finding.build();
  }

  Finding tablesMissing(String database, List<String> missing) {
    return Finding.builder(CheckIds.TABLES_MISSING, Severity.MEDIUM, Pillar.OPERATIONAL_EXCELLENCE)
        .title(missing.size() + " data lake table(s) missing from " + database + ": " + String.join(", ", missing))
        .detail("The contact outcome queries read these tables; no table of the database is named so, nor links "
            + "to one so named.")
        .recommendation("Associate the data set with the instance (Connect BatchAssociateAnalyticsDataSet), accept "
            + "the RAM share, and create a resource link for each table in " + database + ".")
        .resource(databaseArn(instance.region(), instance.accountId(), database))
        .evidence("missingTables", String.join(",", missing)).build();
  }

  Finding tablesReady(String database, int tables) {
    return Finding.builder(CheckIds.TABLES_READY, Severity.PASS, Pillar.OPERATIONAL_EXCELLENCE)
        .title("The data lake tables of " + database + " are readable (" + tables + " tables)")
        .resource(databaseArn(instance.region(), instance.accountId(), database))
        .evidence("tables", (long) tables)
        .evidence("requiredTables", String.join(",", REQUIRED_TABLES)).build();
  }

  /** Access denied whose message names Lake Formation (Glue's answer when LF, not IAM, refuses). */
  static boolean isLakeFormationDenial(RuntimeException error) {
    if (error == null || !AwsErrors.isAccessDenied(error)) {
      return false;
    }
    String message = error instanceof AwsServiceException aws && aws.awsErrorDetails() != null
        ? aws.awsErrorDetails().errorMessage() : error.getMessage();
    return message != null && message.toLowerCase(Locale.ROOT).contains("lake formation");
  }

  String workgroupArn(String workgroup) {
    return "arn:" + instance.partition() + ":athena:" + instance.region() + ":" + instance.accountId()
        + ":workgroup/" + workgroup;
  }

  String region() {
    return instance.region();
  }

  String accountId() {
    return instance.accountId();
  }

  String databaseArn(String region, String catalogId, String database) {
    return "arn:" + instance.partition() + ":glue:" + region + ":" + catalogId + ":database/" + database;
  }

  String tableArn(String region, String catalogId, String database, String table) {
    return "arn:" + instance.partition() + ":glue:" + region + ":" + catalogId + ":table/" + database + "/" + table;
  }

  static String describe(Target target) {
    return "table " + target.databaseName() + "." + target.name() + " in catalog " + target.catalogId()
        + (target.region() == null ? "" : " (" + target.region() + ")");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}

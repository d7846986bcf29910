package com.connectopsreview.local.sandbox.datalake;

import static com.connectopsreview.local.sandbox.server.Payload.object;

import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.Grant;
import com.connectopsreview.local.sandbox.server.AwsService;
import com.connectopsreview.local.sandbox.server.Call;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.local.sandbox.server.Pager;
import com.connectopsreview.local.sandbox.server.Pager.Page;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter.Limit;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * AWS Lake Formation over REST-JSON, as the SDK 2.40.2 LakeFormationClient calls it:
 * {@code POST /ListPermissions} with an optional {@code Principal.DataLakePrincipalIdentifier}, an
 * optional {@code Resource} ({@code Database {CatalogId, Name}}, or {@code Table {CatalogId,
 * DatabaseName, Name | TableWildcard}}) or {@code ResourceType}, answering the matching grants of
 * {@link DataLakeDomain#grants()} as {@code PrincipalResourcePermissions}, paged.
 */
final class LakeFormationApi {

  static final AwsService LAKE_FORMATION = AwsService.restJson("LakeFormation", "lakeformation", "lakeformation",
      new AwsService.Errors("ThrottlingException", 400, operation -> "Rate exceeded", "InternalServiceException",
          "An internal service error occurred.", "EntityNotFoundException", 400, "InvalidInputException",
          "InvalidInputException"),
      scenario -> "arn:" + Scenario.PARTITION + ":lakeformation:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID
          + ":catalog:" + Scenario.ACCOUNT_ID);

  /** No per-API rate of Lake Formation's was found in the documentation available offline: 10/s is an assumption. */
  static final Limit LIST_PERMISSIONS = new Limit(10, 10);
  /** MaxResults 1 to 1,000; 1,000 when absent (an assumption: the reference gives no default). */
  static final int MAX_RESULTS = 1_000;

  private static final Set<String> RESOURCE_TYPES = Set.of("CATALOG", "DATABASE", "TABLE", "DATA_LOCATION", "LF_TAG",
      "LF_TAG_POLICY", "LF_TAG_POLICY_DATABASE", "LF_TAG_POLICY_TABLE", "LF_NAMED_TAG_EXPRESSION");

  private final DataLakeDomain lake;
  private final Pager pager;

  LakeFormationApi(DataLakeDomain lake, Pager pager) {
    this.lake = lake;
    this.pager = pager;
  }

  void register(OperationRegistry r) {
    r.rest(LAKE_FORMATION, "ListPermissions", "POST", "/ListPermissions", LIST_PERMISSIONS, this::listPermissions);
  }

  private JsonNode listPermissions(Call call) {
    String catalog = call.string("CatalogId") == null ? Scenario.ACCOUNT_ID : call.string("CatalogId");
    String principal = call.input().path("Principal").path("DataLakePrincipalIdentifier").asText(null);
    String resourceType = call.string("ResourceType");
    if (resourceType != null && !RESOURCE_TYPES.contains(resourceType)) {
      throw call.service().invalidParameter("1 validation error detected: Value '" + resourceType + "' at "
          + "'resourceType' failed to satisfy constraint: Member must satisfy enum value set: " + RESOURCE_TYPES);
    }
    Predicate<Grant> onResource = resource(call, call.input().path("Resource"), catalog, resourceType);
    List<Grant> grants = lake.grants();
    String scope = principal + "|" + call.input().path("Resource") + "|" + resourceType + "|" + catalog;
    Page page = pager.page(call, scope, grants.size(),
        i -> (principal == null || principal.equals(grants.get(i).principal())) && onResource.test(grants.get(i)),
        call.integer("MaxResults"), "maxResults", call.string("NextToken"), MAX_RESULTS, MAX_RESULTS);
    return object(
        "PrincipalResourcePermissions", page.indexes().stream().map(i -> permissions(grants.get(i))).toList(),
        "NextToken", page.nextToken());
  }

  /** Which grants the request's Resource (or ResourceType) selects; a database or table that does not exist is not found. */
  private Predicate<Grant> resource(Call call, JsonNode resource, String catalog, String resourceType) {
    JsonNode table = resource.path("Table");
    JsonNode database = resource.path("Database");
    if (table.isObject()) {
      String tableCatalog = table.path("CatalogId").asText(catalog);
      String db = lower(table.path("DatabaseName").asText(null));
      if (db == null) {
        throw call.service().invalidParameter("Resource.Table.DatabaseName is required");
      }
      requireDatabase(call, tableCatalog, db);
      if (table.has("TableWildcard")) {
        return g -> g.table() != null && g.catalogId().equals(tableCatalog) && g.database().equals(db);
      }
      String name = lower(table.path("Name").asText(null));
      if (name == null) {
        throw call.service().invalidParameter("Resource.Table needs a Name or a TableWildcard");
      }
      boolean exists = db.equals(DataLakeDomain.CONSUMER_DATABASE) ? lake.tableOfLink(name).isPresent()
          : lake.table(name).isPresent();
      if (!exists) {
        throw call.service().notFound("Table " + name + " not found.");
      }
      return g -> name.equals(g.table()) && g.catalogId().equals(tableCatalog) && g.database().equals(db);
    }
    if (database.isObject()) {
      String dbCatalog = database.path("CatalogId").asText(catalog);
      String name = lower(database.path("Name").asText(null));
      if (name == null) {
        throw call.service().invalidParameter("Resource.Database.Name is required");
      }
      requireDatabase(call, dbCatalog, name);
      return g -> g.table() == null && g.catalogId().equals(dbCatalog) && g.database().equals(name);
    }
    if ("DATABASE".equals(resourceType)) {
      return g -> g.table() == null;
    }
    if ("TABLE".equals(resourceType)) {
      return g -> g.table() != null;
    }
    return resourceType == null ? g -> true : g -> false;
  }

  private static void requireDatabase(Call call, String catalog, String database) {
    boolean consumer = catalog.equals(Scenario.ACCOUNT_ID) && database.equals(DataLakeDomain.CONSUMER_DATABASE);
    boolean producer = catalog.equals(DataLakeDomain.PRODUCER_ACCOUNT)
        && database.equals(DataLakeDomain.PRODUCER_DATABASE);
    if (!consumer && !producer) {
      throw call.service().notFound("Database " + database + " not found.");
    }
  }

  private JsonNode permissions(Grant g) {
    JsonNode resource = g.table() == null
        ? object("Database", object("CatalogId", g.catalogId(), "Name", g.database()))
        : object("Table", object("CatalogId", g.catalogId(), "DatabaseName", g.database(), "Name", g.table()));
    return object(
        "Principal", object("DataLakePrincipalIdentifier", g.principal()),
        "Resource", resource,
        "Permissions", g.permissions(),
        "PermissionsWithGrantOption", g.grantable(),
        "LastUpdated", lake.tables().get(0).created(),
        "LastUpdatedBy", DataLakeDomain.ADMIN_ROLE_ARN);
  }

  private static String lower(String name) {
    return name == null ? null : name.toLowerCase(Locale.ROOT);
  }
}

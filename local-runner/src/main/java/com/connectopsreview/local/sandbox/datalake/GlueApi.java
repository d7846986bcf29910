package com.connectopsreview.local.sandbox.datalake;

import static com.connectopsreview.local.sandbox.server.Payload.object;

import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.DataLakeTable;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.LinkState;
import com.connectopsreview.local.sandbox.server.ApiError;
import com.connectopsreview.local.sandbox.server.AwsService;
import com.connectopsreview.local.sandbox.server.Call;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.local.sandbox.server.Pager;
import com.connectopsreview.local.sandbox.server.Pager.Page;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter.Limit;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The AWS Glue Data Catalog over JSON 1.1 ({@code AWSGlue.*}), as the SDK 2.40.2 GlueClient calls it:
 * GetDatabase, GetTables (paged) and GetTable in this account's catalog (the consumer database and
 * its resource links) and in the producer's ({@code CatalogId} {@value DataLakeDomain#PRODUCER_ACCOUNT}:
 * the link targets, as Lake Formation lets this account see them).
 */
final class GlueApi {

  static final AwsService GLUE = AwsService.awsJson("Glue", "glue", "glue", "AWSGlue",
      new AwsService.Errors("ThrottlingException", 400, operation -> "Rate exceeded", "InternalServiceException",
          "An internal service error occurred.", "EntityNotFoundException", 400, "InvalidInputException",
          "InvalidInputException"),
      scenario -> "arn:" + Scenario.PARTITION + ":glue:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID + ":catalog");

  /** Glue publishes no per-API request rate (it throttles per account and Region): 10/s is the sandbox's assumption. */
  static final Limit CATALOG_READ = new Limit(10, 10);
  /** GetTables: MaxResults 1 to 100, 100 when absent. */
  static final int TABLES_PAGE = 100;

  private static final String INPUT_FORMAT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
  private static final String OUTPUT_FORMAT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
  private static final String SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";

  private final DataLakeDomain lake;
  private final Pager pager;

  GlueApi(DataLakeDomain lake, Pager pager) {
    this.lake = lake;
    this.pager = pager;
  }

  void register(OperationRegistry r) {
    r.rpc(GLUE, "GetDatabase", CATALOG_READ, this::getDatabase);
    r.rpc(GLUE, "GetTables", CATALOG_READ, this::getTables);
    r.rpc(GLUE, "GetTable", CATALOG_READ, this::getTable);
  }

  /** Which of the two databases a (CatalogId, name) names: true for the producer's. */
  private boolean producer(Call call, String catalogId, String database) {
    String catalog = catalogId == null ? Scenario.ACCOUNT_ID : catalogId;
    if (catalog.equals(Scenario.ACCOUNT_ID) && database.equals(DataLakeDomain.CONSUMER_DATABASE)) {
      return false;
    }
    if (catalog.equals(DataLakeDomain.PRODUCER_ACCOUNT) && database.equals(DataLakeDomain.PRODUCER_DATABASE)) {
      return true;
    }
    throw call.service().notFound("Database " + database + " not found.");
  }

  private JsonNode getDatabase(Call call) {
    String name = lower(Requests.required(call, "Name"));
    boolean producer = producer(call, call.string("CatalogId"), name);
    return object("Database", object(
        "Name", name,
        "Description", producer ? "Amazon Connect analytics data lake" : "Resource links to the Amazon Connect "
            + "analytics data lake of account " + DataLakeDomain.PRODUCER_ACCOUNT,
        "CreateTime", lake.tables().get(0).created(),
        "CreateTableDefaultPermissions", List.of(),
        "CatalogId", producer ? DataLakeDomain.PRODUCER_ACCOUNT : Scenario.ACCOUNT_ID));
  }

  private JsonNode getTables(Call call) {
    String database = lower(Requests.required(call, "DatabaseName"));
    boolean producer = producer(call, call.string("CatalogId"), database);
    String expression = call.string("Expression");
    Pattern pattern;
    try {
      pattern = expression == null ? null : Pattern.compile(expression);
    } catch (PatternSyntaxException e) {
      throw call.service().invalidParameter("Expression is not a valid regular expression: " + expression);
    }
    List<DataLakeTable> tables = lake.tables();
    Page page = pager.page(call, database + "|" + producer + "|" + expression, tables.size(), i -> {
      DataLakeTable t = tables.get(i);
      // Lake Formation leaves out of the listing a table the caller has no permission on.
      boolean visible = !producer || t.state() != LinkState.LAKE_FORMATION_DENIED;
      return visible && (pattern == null || pattern.matcher(producer ? t.name() : t.linkName()).matches());
    }, call.integer("MaxResults"), "maxResults", call.string("NextToken"), TABLES_PAGE, TABLES_PAGE);
    return object(
        "TableList", page.indexes().stream().map(i -> producer ? target(tables.get(i)) : link(tables.get(i))).toList(),
        "NextToken", page.nextToken());
  }

  private JsonNode getTable(Call call) {
    String database = lower(Requests.required(call, "DatabaseName"));
    String name = lower(Requests.required(call, "Name"));
    boolean producer = producer(call, call.string("CatalogId"), database);
    if (!producer) {
      return object("Table", link(lake.tableOfLink(name).orElseThrow(() -> notFound(call, name))));
    }
    DataLakeTable table = lake.table(name).orElseThrow(() -> notFound(call, name));
    if (table.state() == LinkState.LAKE_FORMATION_DENIED) {
      throw new ApiError("AccessDeniedException", 400, "Insufficient Lake Formation permission(s) on " + name);
    }
    return object("Table", target(table));
  }

  private static ApiError notFound(Call call, String table) {
    return call.service().notFound("Table " + table + " not found.");
  }

  /** A resource link as Glue lists it: no StorageDescriptor of its own, its target in TargetTable. */
  private static JsonNode link(DataLakeTable t) {
    return object(
        "Name", t.linkName(),
        "DatabaseName", DataLakeDomain.CONSUMER_DATABASE,
        "CreateTime", t.created(),
        "UpdateTime", t.created(),
        "TargetTable", object("CatalogId", DataLakeDomain.PRODUCER_ACCOUNT, "DatabaseName",
            DataLakeDomain.PRODUCER_DATABASE, "Name", t.name(), "Region", Scenario.REGION),
        "CatalogId", Scenario.ACCOUNT_ID,
        "IsRegisteredWithLakeFormation", false,
        "VersionId", "0");
  }

  /** A table of the producer's database; the broken link's target comes without its StorageDescriptor. */
  private static JsonNode target(DataLakeTable t) {
    JsonNode storage = t.state() == LinkState.NO_STORAGE_DESCRIPTOR ? null : object(
        "Columns", t.columns().stream().map(c -> object("Name", c.name(), "Type", c.type())).toList(),
        "Location", t.location(),
        "InputFormat", INPUT_FORMAT,
        "OutputFormat", OUTPUT_FORMAT,
        "Compressed", false,
        "NumberOfBuckets", -1,
        "SerdeInfo", object("SerializationLibrary", SERDE, "Parameters", Map.of("serialization.format", "1")),
        "StoredAsSubDirectories", false);
    return object(
        "Name", t.name(),
        "DatabaseName", DataLakeDomain.PRODUCER_DATABASE,
        "CreateTime", t.created(),
        "UpdateTime", t.created(),
        "Retention", 0,
        "StorageDescriptor", storage,
        "PartitionKeys", List.of(),
        "TableType", "EXTERNAL_TABLE",
        "Parameters", Map.of("classification", "parquet"),
        "CatalogId", DataLakeDomain.PRODUCER_ACCOUNT,
        "IsRegisteredWithLakeFormation", true,
        "VersionId", "1");
  }


  /** Glue keeps database and table names in lower case and finds them in any case. */
  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}

package com.connectopsreview.athena;

import com.connectopsreview.shared.analyzer.AnalysisOutput;
import com.connectopsreview.shared.analyzer.Analyzer;
import com.connectopsreview.shared.analyzer.ReadLog;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.links.ConsoleLinks;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.sections.AthenaSection;
import com.connectopsreview.shared.sections.AthenaSection.Kpis;
import com.connectopsreview.shared.sections.AthenaSection.QueryRun;
import com.connectopsreview.shared.sections.AthenaSection.ResultsBucket;
import com.connectopsreview.shared.store.ResultStore;
import com.connectopsreview.shared.time.TimeBudget;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The {@code athena} component: contact outcomes from the Amazon Connect analytics data lake, and
 * whether the data lake can be queried at all. Off (SKIPPED) when no database is configured.
 *
 * <p>First the readiness ({@link DataLakeReadiness}: workgroup, database, tables, Lake Formation
 * grants) and the results bucket's lifecycle ({@link ResultsBucketCheck}); then the named KPI queries
 * ({@link NamedQuery}) on the tables found, run by {@link AthenaQueryRunner} within the time budget,
 * exported beside the report ({@link ExportWriter}) and turned into KPIs ({@link KpiCalculator}) and
 * findings ({@link KpiRules}). A query that fails or outlives the budget is named in errors[]
 * (PARTIAL); the others' results are kept.
 */
public final class AthenaExportAnalyzer implements Analyzer {

  private static final Logger LOG = LoggerFactory.getLogger(AthenaExportAnalyzer.class);

  static final String SKIP_REASON =
      "no Athena database configured: set the AthenaDatabase parameter (" + AthenaSettings.DATABASE_ENV + ")";
  /** Request option: an export run (the scheduled export) stores the exports, without KPI findings. */
  public static final String EXPORT_ONLY_OPTION = "exportOnly";

  private final ServiceClients clients;
  private final AthenaSettings settings;
  private final ResultStore store;
  private final Clock clock;
  private final AthenaQueryRunner.Sleeper sleeper;

  public AthenaExportAnalyzer(ServiceClients clients, AthenaSettings settings, ResultStore store, Clock clock) {
    this(clients, settings, store, clock, duration -> Thread.sleep(duration.toMillis()));
  }

  AthenaExportAnalyzer(ServiceClients clients, AthenaSettings settings, ResultStore store, Clock clock,
      AthenaQueryRunner.Sleeper sleeper) {
    this.clients = DataLakeClients.of(clients, settings.dataLakeRoleArn());
    this.settings = settings;
    this.store = store;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  public AnalysisOutput analyze(AnalyzerRequest request, TimeBudget budget) {
    boolean exportOnly = Boolean.parseBoolean(request.options().get(EXPORT_ONLY_OPTION));
    if (!settings.enabled()) {
      return new AnalysisOutput(ComponentStatus.SKIPPED, List.of(), Json.tree(new AthenaSection(settings.echo(),
          null, null, List.of(), false, AthenaReadinessRules.REQUIRED_TABLES, List.of(), null, List.of(), null, 0, 0,
          exportOnly)), List.of(SKIP_REASON));
    }
    InstanceRef ref = request.instance();
    Region region = Region.of(ref.region());
    ReadLog log = new ReadLog(budget);
    List<Finding> findings = new ArrayList<>();
    AthenaReadinessRules rules = new AthenaReadinessRules(ref);
    LakeFormationGrants grants = new LakeFormationGrants(() -> clients.client(LakeFormationClient.class, region),
        () -> clients.client(StsClient.class, region), log, settings.dataLakeRoleArn());
    DataLakeReadiness.Facts facts = new DataLakeReadiness(clients, settings, log, rules, grants, ref, findings).check();

    ResultsBucket bucket = null;
    String location = facts.workgroup() == null ? settings.outputLocation() : facts.workgroup().effectiveOutputLocation();
    boolean managed = facts.workgroup() != null && facts.workgroup().managedQueryResults();
    if (location != null && !managed) {
      bucket = new ResultsBucketCheck(clients.client(S3Client.class, region), log, ConsoleLinks.forInstance(ref))
          .check(location, findings);
    }

    KpiQueries.Run run = new KpiQueries(clients.client(AthenaClient.class, region), log, clock, sleeper, settings,
        rules, grants, new ExportWriter(store)).run(request, budget, facts, findings);
    Kpis kpis = null;
    if (run.anySucceeded()) {
      try {
        kpis = KpiCalculator.compute(run.succeeded());
      } catch (IllegalStateException e) {
        log.error("KPIs not computed: " + e.getMessage());
      }
    }
    if (!exportOnly) {
      findings.addAll(new KpiRules(ref, settings.thresholds()).findings(kpis, run.succeeded().containsKey("queue_kpis")));
    }
    List<QueryRun> queries = run.queries();
    long scanned = queries.stream().mapToLong(q -> q.dataScannedBytes() == null ? 0 : q.dataScannedBytes()).sum();
    double cost = queries.stream().mapToDouble(q -> q.costUsd() == null ? 0 : q.costUsd()).sum();
    LOG.info("athena: {} tables, {} queries ({} succeeded), {} bytes scanned, USD {}", facts.tables().size(),
        queries.size(), run.succeeded().size(), scanned, cost);
    return log.output(findings, new AthenaSection(settings.echo(), facts.workgroup(), facts.database(),
        facts.tables(), facts.tablesComplete(), AthenaReadinessRules.REQUIRED_TABLES, facts.missingTables(), bucket,
        queries, kpis, scanned, KpiQueries.round(cost), exportOnly));
  }
}

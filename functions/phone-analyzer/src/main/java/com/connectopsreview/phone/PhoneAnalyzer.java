package com.connectopsreview.phone;

import com.connectopsreview.phone.PhoneCache.Entry;
import com.connectopsreview.phone.PhoneFindings.StatusCoverage;
import com.connectopsreview.shared.analyzer.AnalysisOutput;
import com.connectopsreview.shared.analyzer.Analyzer;
import com.connectopsreview.shared.analyzer.Outcome;
import com.connectopsreview.shared.analyzer.ReadLog;
import com.connectopsreview.shared.aws.AwsErrors;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.links.AccessUrlLookup;
import com.connectopsreview.shared.links.ConsoleLinks;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.sections.PhoneSection;
import com.connectopsreview.shared.sections.PhoneSection.CarrierSource;
import com.connectopsreview.shared.sections.PhoneSection.Links;
import com.connectopsreview.shared.sections.PhoneSection.Lookups;
import com.connectopsreview.shared.sections.PhoneSection.NumberRow;
import com.connectopsreview.shared.store.ResultStore;
import com.connectopsreview.shared.time.TimeBudget;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ClaimedPhoneNumberSummary;
import software.amazon.awssdk.services.connect.model.DescribePhoneNumberRequest;
import software.amazon.awssdk.services.connect.model.ListFlowAssociationResourceType;
import software.amazon.awssdk.services.connect.model.ListFlowAssociationsRequest;
import software.amazon.awssdk.services.connect.model.ListFlowAssociationsResponse;
import software.amazon.awssdk.services.connect.model.ListPhoneNumbersSummary;
import software.amazon.awssdk.services.connect.model.ListPhoneNumbersV2Request;
import software.amazon.awssdk.services.connect.model.ListPhoneNumbersV2Response;
import software.amazon.awssdk.services.connect.model.PhoneNumberStatus;
import software.amazon.awssdk.services.pinpoint.PinpointClient;
import software.amazon.awssdk.services.pinpoint.model.NumberValidateRequest;
import software.amazon.awssdk.services.pinpoint.model.NumberValidateResponse;
import software.amazon.awssdk.services.pinpoint.model.PhoneNumberValidateRequest;

/**
 * The {@code phone} component: the instance's claimed numbers by type, country and carrier, carrier
 * diversity, toll-free / DID shares, unused numbers and numbers whose claim failed or is still in
 * progress (upstream-spec §1.7, §4.12 item 2; checklist D).
 *
 * <p>Calls, all in the instance's Region: Connect {@code ListPhoneNumbersV2(TargetArn=instance,
 * MaxResults=1000)} every page; {@code DescribeInstance} once for the admin-website link; Pinpoint
 * {@code PhoneNumberValidate} per number whose carrier is not in the cache (or is older than 180
 * days); Connect {@code DescribePhoneNumber} per number, least recently checked first, within at most
 * half of the time left after the list. All calls are paced and counted by the shared clients.
 *
 * <p>The carrier cache is read once at the start and written once at the end, also when the run is
 * PARTIAL, so what was learned is kept. An inventory that cannot be listed fails the component;
 * everything after it only makes it PARTIAL.
 */
public final class PhoneAnalyzer implements Analyzer {

  private static final Logger LOG = LoggerFactory.getLogger(PhoneAnalyzer.class);

  /** ListPhoneNumbersV2's largest page. */
  static final int PAGE_SIZE = 1000;

  private final ServiceClients clients;
  private final ResultStore store;
  private final Clock clock;

  public PhoneAnalyzer(ServiceClients clients, ResultStore store, Clock clock) {
    this.clients = clients;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public AnalysisOutput analyze(AnalyzerRequest request, TimeBudget budget) {
    return new Run(request.instance(), new ReadLog(budget)).analyze();
  }

  /** The state of one invocation (the analyzer itself is shared across warm invocations). */
  private final class Run {

    private final InstanceRef ref;
    private final ReadLog log;
    private final Region region;
    private final ConnectClient connect;
    private final List<String> cacheNotes = new ArrayList<>();

    /** Carrier per phone-number id, and where it came from. */
    private final Map<String, String> carriers = new HashMap<>();
    private final Map<String, CarrierSource> carrierSources = new HashMap<>();
    /** The cache document written at the end. */
    private final Map<String, Entry> nextCache = new LinkedHashMap<>();

    private long carrierLookups;
    private long carrierLookupFailures;
    private long carriersNotLookedUp;
    private long cacheHits;
    private long statusChecked;
    private long statusNotChecked;
    private boolean statusSubBudgetSpent;
    /** Ids and ARNs of the voice numbers a flow answers (ListFlowAssociations); null when it could not be read. */
    private Set<String> associated;

    Run(InstanceRef ref, ReadLog log) {
      this.ref = ref;
      this.log = log;
      this.region = Region.of(ref.region());
      this.connect = clients.client(ConnectClient.class, region);
    }

    AnalysisOutput analyze() {
      List<ListPhoneNumbersSummary> listed = list();
      associated = listed.isEmpty() ? Set.of() : flowAssociations();
      // The status checks may use at most half of what is left now (the contract's sub-budget).
      TimeBudget budget = log.budget();
      Instant statusDeadline = min(clock.instant().plus(budget.remaining().dividedBy(2)), budget.deadline());
      Links links = links();
      Map<String, Entry> cached = readCache();

      lookUpCarriers(listed, cached);
      checkStatuses(listed, cached, new TimeBudget(clock, statusDeadline));
      writeCache();

      List<NumberRow> rows = listed.stream().map(this::row).toList();
      PhoneStats stats = PhoneStats.of(rows);
      String consoleUrl = links.phoneNumbers() != null ? links.phoneNumbers() : links.telephony();
      List<Finding> findings = new PhoneFindings(ref, consoleUrl)
          .of(stats, rows, new StatusCoverage(statusChecked, statusNotChecked, statusSubBudgetSpent));
      Lookups lookups = new Lookups(carrierLookups, carrierLookupFailures, carriersNotLookedUp, cacheHits,
          statusChecked, statusNotChecked, cacheNotes.isEmpty() ? null : String.join("; ", cacheNotes),
          associated == null ? "NO_TARGET" : "NO_FLOW_ASSOCIATION");
      PhoneSection data = new PhoneSection(stats.total(), stats.byType(), stats.byCountry(), stats.byCarrier(),
          stats.carrierDiversityScore(), stats.countriesCount(), stats.tollFreePercent(), stats.didPercent(),
          stats.uifn() > 0, stats.shortCode() > 0, stats.thirdParty() > 0, stats.diversityTable(),
          PhoneRules.insights(stats), PhoneRules.recommendations(stats), rows, lookups, links);
      LOG.info("phone numbers read: {} ({} carriers known, {} looked up, {} from cache, {} unknown); status checked"
          + " {}, not checked {}", stats.total(), stats.carrierDiversityScore(), carrierLookups, cacheHits,
          stats.unknownCarrierNumbers(), statusChecked, statusNotChecked);
      return log.output(findings, data);
    }

    // ---- inventory ----

    /** Every page; any failure here escapes (the component is FAILED: nothing can be judged without it). */
    private List<ListPhoneNumbersSummary> list() {
      List<ListPhoneNumbersSummary> numbers = new ArrayList<>();
      for (ListPhoneNumbersV2Response page : log.pages("Connect ListPhoneNumbersV2",
          connect.listPhoneNumbersV2Paginator(ListPhoneNumbersV2Request.builder().targetArn(ref.arn())
              .maxResults(PAGE_SIZE).build()))) {
        numbers.addAll(page.listPhoneNumbersSummaryList());
      }
      return numbers;
    }

    /**
     * Numbers a flow answers: {@code ListFlowAssociations(ResourceType=VOICE_PHONE_NUMBER)}, every page.
     * A claimed number keeps the instance as its TargetArn whether or not a flow answers it, so this is
     * what tells an unused number. If it cannot be read, "unused" falls back to "no TargetArn" and
     * {@code lookups.unusedRule} says so.
     */
    private Set<String> flowAssociations() {
      Outcome<Set<String>> read = log.attempt("flow associations (ListFlowAssociations; unused = no TargetArn)", () -> {
        Set<String> ids = new HashSet<>();
        for (ListFlowAssociationsResponse page : log.pages("Connect ListFlowAssociations",
            connect.listFlowAssociationsPaginator(ListFlowAssociationsRequest.builder().instanceId(ref.id())
                .resourceType(ListFlowAssociationResourceType.VOICE_PHONE_NUMBER).maxResults(PAGE_SIZE).build()))) {
          page.flowAssociationSummaryList().stream()
              .filter(a -> a.resourceId() != null && a.flowId() != null && !a.flowId().isBlank())
              .forEach(a -> ids.add(a.resourceId()));
        }
        return ids;
      });
      if (read.isDenied() || read.isFailed()) {
        log.error("flow associations not read (ListFlowAssociations: " + read.reason() + "); unused = no TargetArn");
      }
      return read.orElse(null);
    }

    /**
     * The admin website's phone-number page needs the instance's access URL (one DescribeInstance);
     * without it findings link to the AWS console's telephony page and {@code note} says why.
     */
    private Links links() {
      AccessUrlLookup.Resolved resolved = AccessUrlLookup.read(clients, ref, log.budget());
      ConsoleLinks links = resolved.links();
      if (resolved.note() != null) {
        LOG.info("phone-number page link left out: {}", resolved.note());
      }
      return new Links(links.hasAccessUrl() ? links.phoneNumbers() : null, links.telephony(), resolved.note());
    }

    // ---- cache ----

    private Map<String, Entry> readCache() {
      PhoneCache.Loaded loaded;
      try {
        loaded = PhoneCache.parse(store.getCache(PhoneAnalyzerFactory.COMPONENT, ref.id()));
      } catch (RuntimeException e) {
        loaded = new PhoneCache.Loaded(Map.of(), "cache not read: " + AwsErrors.reason(e));
      }
      if (loaded.note() != null) {
        cacheNotes.add(loaded.note());
        LOG.warn("phone cache not used: {}", loaded.note());
      }
      return loaded.entries();
    }

    /** Only the numbers listed now are kept, so released numbers leave the cache. */
    private void writeCache() {
      try {
        store.putCache(PhoneAnalyzerFactory.COMPONENT, ref.id(), PhoneCache.serialize(nextCache));
      } catch (RuntimeException e) {
        // The review itself is complete; the next one repeats the lookups.
        cacheNotes.add("cache not written: " + AwsErrors.reason(e));
        LOG.warn("phone cache not written: {}", AwsErrors.reason(e));
      }
    }

    // ---- carriers ----

    private void lookUpCarriers(List<ListPhoneNumbersSummary> listed, Map<String, Entry> cached) {
      Instant now = clock.instant();
      String stopped = null;
      String firstFailure = null;
      for (ListPhoneNumbersSummary number : listed) {
        String id = number.phoneNumberId();
        Entry entry = cached.get(id);
        if (entry != null && entry.hasFreshCarrier(number.phoneNumber(), now)) {
          remember(id, carrierOf(entry.carrier()), CarrierSource.CACHE);
          nextCache.put(id, entry);
          cacheHits++;
          continue;
        }
        // A failed or skipped lookup is not cached; an older entry stays (stale, so it is retried).
        nextCache.put(id, entry != null ? entry : new Entry(number.phoneNumber(), null, null, null, null, null, null));
        remember(id, PhoneSection.UNKNOWN_CARRIER, CarrierSource.UNKNOWN);
        if (stopped != null) {
          carriersNotLookedUp++;
          continue;
        }
        Outcome<NumberValidateResponse> validated = log.attempt(() -> validate(number));
        if (validated.isOk()) {
          carrierLookups++;
          NumberValidateResponse answer = validated.get();
          String carrier = answer == null ? null : blankToNull(answer.carrier());
          remember(id, carrierOf(carrier), CarrierSource.LOOKUP);
          Entry base = entry != null && number.phoneNumber().equals(entry.number()) ? entry
              : new Entry(number.phoneNumber(), null, null, null, null, null, null);
          nextCache.put(id, base.withCarrier(carrier, answer == null ? null : answer.phoneType(), clock.instant()));
        } else if (validated.isOutOfTime()) {
          // Before the call, or the rate limiter gave up waiting: nothing was sent.
          carriersNotLookedUp++;
        } else {
          carrierLookups++;
          carrierLookupFailures++;
          if (firstFailure == null) {
            firstFailure = validated.reason();
          }
          if (validated.isDenied() || AwsErrors.isUnreachable(validated.error())) {
            // Every further lookup would fail the same way.
            stopped = validated.reason();
          }
        }
      }
      if (stopped != null) {
        log.error("carrier lookups (Pinpoint PhoneNumberValidate) stopped: " + stopped + "; carrier Unknown for "
            + (carrierLookupFailures + carriersNotLookedUp) + " number(s) this review");
      } else if (carrierLookupFailures > 0) {
        log.error("carrier lookup (Pinpoint PhoneNumberValidate) failed for " + carrierLookupFailures
            + " number(s), carrier Unknown this review: " + firstFailure);
      }
      if (stopped == null && carriersNotLookedUp > 0) {
        log.notExamined("the carrier of " + carriersNotLookedUp + " number(s) (the next review continues from the"
            + " cache)");
      }
    }

    private NumberValidateResponse validate(ListPhoneNumbersSummary number) {
      log.budget().check("Pinpoint PhoneNumberValidate");
      return clients.client(PinpointClient.class, region).phoneNumberValidate(PhoneNumberValidateRequest.builder()
          .numberValidateRequest(NumberValidateRequest.builder().phoneNumber(number.phoneNumber())
              .isoCountryCode(number.phoneNumberCountryCodeAsString()).build())
          .build()).numberValidateResponse();
    }

    private void remember(String id, String carrier, CarrierSource source) {
      carriers.put(id, carrier);
      carrierSources.put(id, source);
    }

    // ---- status ----

    /**
     * DescribePhoneNumber per number, least recently checked first (never checked before all), until
     * {@code statusBudget} is spent; the cache records when each number was checked. Spending that
     * sub-budget is by design, not an error: its own log, and the coverage becomes a finding.
     */
    private void checkStatuses(List<ListPhoneNumbersSummary> listed, Map<String, Entry> cached,
        TimeBudget statusBudget) {
      List<ListPhoneNumbersSummary> order = new ArrayList<>(listed);
      order.sort(Comparator.comparing((ListPhoneNumbersSummary n) -> lastChecked(cached, n),
          Comparator.nullsFirst(Comparator.naturalOrder())));
      ReadLog statusLog = new ReadLog(statusBudget);
      String stopped = null;
      long failures = 0;
      String firstFailure = null;
      for (ListPhoneNumbersSummary number : order) {
        if (stopped != null) {
          statusNotChecked++;
          continue;
        }
        String id = number.phoneNumberId();
        Outcome<ClaimedPhoneNumberSummary> described = statusLog.attempt(() -> {
          statusBudget.check("Connect DescribePhoneNumber");
          log.budget().check("Connect DescribePhoneNumber");
          return connect.describePhoneNumber(DescribePhoneNumberRequest.builder().phoneNumberId(id).build())
              .claimedPhoneNumberSummary();
        });
        if (described.isOk()) {
          ClaimedPhoneNumberSummary claimed = described.get();
          PhoneNumberStatus found = claimed == null || claimed.phoneNumberStatus() == null
              ? PhoneNumberStatus.builder().build() : claimed.phoneNumberStatus();
          statusChecked++;
          nextCache.put(id, nextCache.get(id).withStatus(found.statusAsString(), found.message(), clock.instant()));
          continue;
        }
        statusNotChecked++;
        if (described.isOutOfTime()) {
          statusSubBudgetSpent = true;
          continue;
        }
        failures++;
        if (firstFailure == null) {
          firstFailure = described.reason();
        }
        if (described.isDenied() || AwsErrors.isUnreachable(described.error())) {
          stopped = described.reason();
        }
      }
      if (stopped != null) {
        log.error("status checks (Connect DescribePhoneNumber) stopped: " + stopped + "; status not checked for "
            + statusNotChecked + " number(s)");
      } else if (failures > 0) {
        log.error("status (Connect DescribePhoneNumber) could not be read for " + failures + " number(s): "
            + firstFailure);
      }
      if (statusSubBudgetSpent) {
        LOG.info("status sub-budget spent: {} checked, {} left for the next review", statusChecked, statusNotChecked);
      }
    }

    private static Instant lastChecked(Map<String, Entry> cached, ListPhoneNumbersSummary number) {
      Entry entry = cached.get(number.phoneNumberId());
      return entry == null ? null : entry.statusCheckedAt();
    }

    // ---- rows ----

    /**
     * A number's row. Its status is the latest known: checked in this review, or else the one the
     * cache kept from an earlier review (with when it was checked), so a FAILED number stays reported
     * until it is checked again and found fixed.
     */
    private NumberRow row(ListPhoneNumbersSummary n) {
      String id = n.phoneNumberId();
      Entry known = nextCache.get(id);
      boolean hasStatus = known != null && n.phoneNumber().equals(known.number()) && known.status() != null;
      String target = blankToNull(n.targetArn());
      boolean voice = !PhoneStats.SHORT_CODE.equals(n.phoneNumberTypeAsString());
      boolean unused = associated == null ? target == null
          : voice && !associated.contains(id) && !associated.contains(n.phoneNumberArn());
      return new NumberRow(id, n.phoneNumberArn(), n.phoneNumber(), n.phoneNumberCountryCodeAsString(),
          n.phoneNumberTypeAsString(), target, n.phoneNumberDescription(), carriers.get(id), carrierSources.get(id),
          hasStatus ? known.status() : null, hasStatus ? known.statusMessage() : null,
          hasStatus ? known.statusCheckedAt() : null, unused);
    }
  }

  private static String carrierOf(String carrier) {
    return carrier == null ? PhoneStats.UNKNOWN_CARRIER : carrier;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}

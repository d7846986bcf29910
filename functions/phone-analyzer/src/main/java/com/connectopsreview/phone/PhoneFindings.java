package com.connectopsreview.phone;

import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.PhoneSection.CheckIds;
import com.connectopsreview.shared.sections.PhoneSection.DiversityRow;
import com.connectopsreview.shared.sections.PhoneSection.Insight;
import com.connectopsreview.shared.sections.PhoneSection.NumberRow;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns the inventory into findings. Carrier and toll-free resilience are Reliability, the cost
 * rules and unused numbers Cost, misconfigured numbers Operational Excellence. Every finding links to
 * the admin website's phone-number page (the AWS console's telephony page when the access URL is
 * unknown); Connect has no per-number page to link to.
 */
public final class PhoneFindings {

  /** What the status check of this review covered. */
  public record StatusCoverage(long checked, long notChecked, boolean subBudgetSpent) {}

  private final InstanceRef instance;
  private final String consoleUrl;

  public PhoneFindings(InstanceRef instance, String consoleUrl) {
    this.instance = instance;
    this.consoleUrl = consoleUrl;
  }

  public List<Finding> of(PhoneStats stats, List<NumberRow> rows, StatusCoverage coverage) {
    List<Finding> findings = new ArrayList<>();
    if (stats.total() == 0) {
      findings.add(none());
      return findings;
    }
    findings.add(summary(stats));
    if (PhoneRules.singleCarrier(stats)) {
      findings.add(singleCarrier(stats));
    }
    stats.singleCarrierCountries().forEach(c -> findings.add(singleCarrierInCountry(c)));
    if (PhoneRules.noTollFree(stats)) {
      findings.add(base(CheckIds.TOLL_FREE_NONE, Severity.MEDIUM, Pillar.RELIABILITY)
          .title(stats.did() + " DID" + plural(stats.did()) + " and no toll-free number")
          .detail("Each DID depends on one carrier; US toll-free numbers are load-balanced across carriers by"
              + " Amazon Connect, so they keep callers reaching you when one carrier fails.")
          .recommendation("Consider a toll-free number as a redundant entry point to the same flows.")
          .evidence("tollFree", stats.tollFree()).evidence("did", stats.did()).build());
    }
    if (PhoneRules.fewerTollFreeThanDid(stats)) {
      findings.add(base(CheckIds.TOLL_FREE_FEWER_THAN_DID, Severity.MEDIUM, Pillar.RELIABILITY)
          .title("Fewer toll-free numbers (" + stats.tollFree() + ") than DIDs (" + stats.did() + ")")
          .detail("Toll-free numbers spread calls over several carriers; DIDs each rely on one.")
          .recommendation("Prefer toll-free numbers for the main US entry points; where DIDs stay, spread them over"
              + " more than one carrier (extra cost).")
          .evidence("tollFree", stats.tollFree()).evidence("did", stats.did()).build());
    }
    if (PhoneRules.highTollFreeShare(stats)) {
      findings.add(base(CheckIds.TOLL_FREE_HIGH_SHARE, Severity.LOW, Pillar.COST)
          .title("Toll-free numbers are " + stats.tollFreePercent().toPlainString() + " % of the inventory")
          .detail("Toll-free numbers add resiliency but cost more per minute than DIDs.")
          .recommendation("Check that every toll-free number is needed; local callers can use cheaper DIDs.")
          .evidence("tollFreePercent", stats.tollFreePercent()).evidence("tollFree", stats.tollFree())
          .evidence("totalNumbers", stats.total()).build());
    }
    if (PhoneRules.costReview(stats)) {
      findings.add(base(CheckIds.MIX_COST_REVIEW, Severity.LOW, Pillar.COST)
          .title("More toll-free numbers (" + stats.tollFree() + ") than DIDs (" + stats.did() + ")")
          .detail("Toll-free minutes are charged to the contact center.")
          .recommendation("Review the toll-free / DID balance; keep toll-free numbers where callers need them free.")
          .evidence("tollFree", stats.tollFree()).evidence("did", stats.did()).build());
    }
    if (PhoneRules.noShortCode(stats)) {
      findings.add(base(CheckIds.SMS_NO_SHORT_CODE, Severity.INFO, Pillar.RELIABILITY)
          .title("No short code among " + stats.total() + " numbers")
          .detail("Short codes send and receive SMS at high throughput.")
          .recommendation("Consider a short code if customers are to reach you or be notified by SMS at volume.")
          .evidence("totalNumbers", stats.total()).evidence("shortCode", stats.shortCode()).build());
    }
    for (NumberRow row : rows) {
      if (row.unused()) {
        findings.add(unused(row));
      }
      if ("FAILED".equals(row.status())) {
        findings.add(status(row, CheckIds.NUMBER_FAILED, Severity.HIGH, "failed",
            "Check the status message, then release the number and claim it again, or open a support case."));
      } else if ("IN_PROGRESS".equals(row.status())) {
        findings.add(status(row, CheckIds.NUMBER_IN_PROGRESS, Severity.LOW, "is still being claimed or updated",
            "If it stays IN_PROGRESS across reviews, check the claim or update in the admin website or open a"
                + " support case."));
      }
    }
    if (coverage.subBudgetSpent() && coverage.notChecked() > 0) {
      findings.add(base(CheckIds.STATUS_PARTIAL_CHECK, Severity.INFO, Pillar.RELIABILITY)
          .title("Status checked for " + coverage.checked() + " of " + stats.total() + " numbers this review")
          .detail("DescribePhoneNumber is paced and may use at most half of the time left after the inventory; "
              + coverage.notChecked() + " number" + plural(coverage.notChecked()) + " were not checked. The next"
              + " review checks the least recently checked numbers first.")
          .evidence("statusChecked", coverage.checked()).evidence("statusNotChecked", coverage.notChecked())
          .build());
    }
    return findings;
  }

  private Finding none() {
    return base(CheckIds.NUMBERS_NONE, Severity.INFO, Pillar.RELIABILITY)
        .title("No phone numbers are claimed for this instance")
        .detail("ListPhoneNumbersV2 lists no number targeting the instance; it takes no calls from the phone network.")
        .recommendation("If the instance should take calls, claim numbers (from more than one carrier) and"
            + " associate them with flows.")
        .evidence("totalNumbers", 0L).build();
  }

  private Finding summary(PhoneStats s) {
    String title = s.total() + " phone number" + plural(s.total()) + ": " + s.tollFree() + " toll-free, " + s.did()
        + " DID, " + s.countriesCount() + " countr" + (s.countriesCount() == 1 ? "y" : "ies") + ", "
        + s.carrierDiversityScore() + " known carrier" + plural(s.carrierDiversityScore())
        + (s.unused() > 0 ? ", " + s.unused() + " unused" : "");
    String insights = PhoneRules.insights(s).stream().map(Insight::message).collect(Collectors.joining("; "));
    return base(CheckIds.INVENTORY_SUMMARY, Severity.INFO, Pillar.RELIABILITY)
        .title(title)
        .detail(insights.isEmpty() ? null : insights + ".")
        .evidence("totalNumbers", s.total()).evidence("byType", s.byType()).evidence("byCountry", s.byCountry())
        .evidence("carrierDiversityScore", (long) s.carrierDiversityScore())
        .evidence("unknownCarrierNumbers", s.unknownCarrierNumbers())
        .evidence("tollFreePercent", s.tollFreePercent()).evidence("didPercent", s.didPercent())
        .evidence("countriesCount", (long) s.countriesCount()).evidence("hasUifn", s.uifn() > 0)
        .evidence("hasShortCode", s.shortCode() > 0).evidence("hasThirdParty", s.thirdParty() > 0)
        .evidence("unusedNumbers", s.unused())
        .build();
  }

  private Finding singleCarrier(PhoneStats s) {
    String carrier = s.knownCarriers().first();
    return base(CheckIds.CARRIER_SINGLE, Severity.HIGH, Pillar.RELIABILITY)
        .title("All " + s.total() + " phone numbers are on one carrier (" + carrier + ")")
        .detail("A single point of failure: an outage at " + carrier + " leaves callers unable to reach any number.")
        .recommendation("Claim numbers from a second carrier and route them to the same flows (in the US, toll-free"
            + " numbers are load-balanced across carriers).")
        .evidence("carrier", carrier).evidence("totalNumbers", s.total()).evidence("byCarrier", s.byCarrier())
        .build();
  }

  private Finding singleCarrierInCountry(DiversityRow c) {
    return Finding.builder(CheckIds.CARRIER_SINGLE_IN_COUNTRY, Severity.MEDIUM, Pillar.RELIABILITY)
        .title("All " + c.count() + " DIDs in " + c.country() + " are on one carrier (" + c.carrier() + ")")
        .detail("An outage at " + c.carrier() + " leaves every DID in " + c.country() + " unreachable.")
        .recommendation("Spread the DIDs of " + c.country() + " over a second carrier, or add a toll-free number"
            + " as a redundant entry point.")
        .resource(c.country())
        .consoleUrl(consoleUrl)
        .evidence("country", c.country()).evidence("carrier", c.carrier()).evidence("didCount", c.count())
        .evidence("numbers", c.numbers())
        .build();
  }

  private Finding unused(NumberRow row) {
    return numberFinding(row, CheckIds.NUMBER_UNUSED, Severity.LOW, Pillar.COST)
        .title(row.number() + " (" + row.type() + ", " + row.country() + ") is not answered by any flow")
        .detail((row.targetArn() == null ? "ListPhoneNumbersV2 gives this number no TargetArn."
            : "No flow is associated with this number (ListFlowAssociations), so callers reach nothing.")
            + " Amazon Connect charges a daily fee for every claimed number, used or not.")
        .recommendation("Associate it with a flow if callers should reach it; otherwise release it to stop the"
            + " daily charge.")
        .build();
  }

  private Finding status(NumberRow row, String checkId, Severity severity, String what, String recommendation) {
    return numberFinding(row, checkId, severity, Pillar.OPERATIONAL_EXCELLENCE)
        .title(row.number() + " " + what + " (status " + row.status() + ")")
        .detail(row.statusMessage() == null ? "DescribePhoneNumber gives no status message."
            : "Status message: " + row.statusMessage())
        .recommendation(recommendation)
        .evidence("status", row.status()).evidence("statusMessage", row.statusMessage())
        .evidence("statusCheckedAt", row.statusCheckedAt() == null ? null : row.statusCheckedAt().toString())
        .build();
  }

  private Finding.Builder numberFinding(NumberRow row, String checkId, Severity severity, Pillar pillar) {
    return Finding.builder(checkId, severity, pillar)
        .resource(row.arn())
        .consoleUrl(consoleUrl)
        .evidence("phoneNumberId", row.phoneNumberId()).evidence("number", row.number())
        .evidence("type", row.type()).evidence("country", row.country());
  }

  private Finding.Builder base(String checkId, Severity severity, Pillar pillar) {
    return Finding.builder(checkId, severity, pillar).resource(instance.arn()).consoleUrl(consoleUrl);
  }

  private static String plural(long n) {
    return n == 1 ? "" : "s";
  }
}

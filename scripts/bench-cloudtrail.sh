#!/usr/bin/env bash
# The cloudtrail analyzer over the sandbox's CloudTrail history, with the documented rate limits on:
#   ./scripts/bench-cloudtrail.sh [--sandbox small|large] [--days N]
# Reviews only the cloudtrail component into a fresh store and prints its status, the events read
# and analysed, the LookupEvents calls, how far back it got ("analyzed back to") and its duration,
# next to the paging floor: pages / 2 requests per second.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size=large
days=14
while [ $# -gt 0 ]; do
  case "$1" in
    --sandbox) size="$2"; shift 2 ;;
    --days) days="$2"; shift 2 ;;
    *) echo "unknown option $1 (expected --sandbox, --days)" >&2; exit 2 ;;
  esac
done
case "$days" in ''|*[!0-9]*|0) echo "--days must be a positive whole number, not '$days'" >&2; exit 2 ;; esac

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Builds the runner when sources changed, so no build lands inside the measurement.
"$root/scripts/review-local.sh" --help >/dev/null

started=$(date +%s.%N)
rc=0
"$root/scripts/review-local.sh" --sandbox "$size" --analyzers cloudtrail --days "$days" --store "$work/store" \
    --review-id bench --quiet >"$work/out" 2>&1 || rc=$?
ended=$(date +%s.%N)
result="$work/store/reviews/bench/components/cloudtrail.json"
if [ "$rc" -gt 1 ] || [ ! -f "$result" ]; then
  echo "the review did not run (exit $rc):" >&2
  tail -20 "$work/out" >&2
  exit 1
fi

python3 - "$result" "$size" "$started" "$ended" <<'PY'
import json, sys

path, size, started, ended = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
r = json.load(open(path))
d = r["data"]
w, t = d["window"], d["totals"]
calls = r["apiCalls"].get("CloudTrail:LookupEvents", 0)
print(f"sandbox {size}: cloudtrail {r['status']}")
print(f"  events read       {t['eventsRead']:>8,}  analysed {t['eventsAnalyzed']:,}, throttled {t['throttled']:,}")
print(f"  LookupEvents      {calls:>8,}  calls ({w['pages']:,} pages; floor at 2/s: {w['pages'] / 2:,.1f} s)")
print(f"  component         {r['durationMs'] / 1000:>8,.1f}  s   (whole run incl. JVM and sandbox start: {ended - started:,.1f} s)")
print(f"  window            {w['lookupStart']} .. {w['lookupEnd']}")
print(f"  analyzed back to  {w['analyzedFrom']}  complete={w['complete']}")
for e in r["errors"]:
    print(f"  error: {e}")
PY

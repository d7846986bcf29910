#!/usr/bin/env bash
# Compares the findings of two stored reviews by identity and severity:
#   ./scripts/compare-findings.sh review-output/reviews/<a> review-output/reviews/<b>
# Each argument is a review directory of a local store (or its report.json). Prints the findings
# (component, checkId, severity, resource) only one side has and exits 1 when there are any.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 <review dir or report.json> <review dir or report.json>" >&2
  exit 2
fi
report() {
  if [ -d "$1" ]; then echo "$1/artifacts/report.json"; else echo "$1"; fi
}
a="$(report "$1")"
b="$(report "$2")"
for f in "$a" "$b"; do
  [ -f "$f" ] || { echo "no report.json at $f" >&2; exit 2; }
done
exec python3 - "$a" "$b" <<'PY'
import collections, json, sys

def findings(path):
    with open(path) as f:
        report = json.load(f)
    return collections.Counter(
        (x.get("component"), x["checkId"], x["severity"], x.get("resource") or "")
        for x in report["findings"])

a, b = findings(sys.argv[1]), findings(sys.argv[2])
only_a, only_b = a - b, b - a
print(f"{sum(a.values())} findings in {sys.argv[1]}, {sum(b.values())} in {sys.argv[2]}")
for label, side in (("only in first", only_a), ("only in second", only_b)):
    for (component, check, severity, resource), n in sorted(side.items()):
        print(f"{label}: {component} {check} {severity} {resource}" + (f" (x{n})" if n > 1 else ""))
if only_a or only_b:
    sys.exit(1)
print("same findings (component, checkId, severity, resource)")
PY

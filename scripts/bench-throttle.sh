#!/usr/bin/env bash
# How a review copes with throttling, measured in one run on the offline sandbox:
#   ./scripts/bench-throttle.sh [--sandbox small|large] [--throttle-first N] [--runs R]
# Reviews the sandbox R times without and R times with `--throttle-first N` (the first N calls of
# every List*/Search* operation answer ThrottlingException), each into a fresh store so no cache
# helps either side, and prints each review's wall time (manifest createdAt → updatedAt), its
# analyzers' durations, the medians and the ratio throttled / unthrottled.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size=small
throttle=2
runs=1
while [ $# -gt 0 ]; do
  case "$1" in
    --sandbox) size="$2"; shift 2 ;;
    --throttle-first) throttle="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "unknown option $1 (expected --sandbox, --throttle-first, --runs)" >&2; exit 2 ;;
  esac
done
case "$runs" in ''|*[!0-9]*|0) echo "--runs must be a positive whole number, not '$runs'" >&2; exit 2 ;; esac
case "$throttle" in ''|*[!0-9]*|0) echo "--throttle-first must be a positive whole number, not '$throttle'" >&2; exit 2 ;; esac

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Builds the runner when sources changed, so no build lands inside a measurement.
"$root/scripts/review-local.sh" --help >/dev/null

review() { # label, extra options...
  local label="$1"; shift
  local store="$work/$label"
  # Exit 1 is a completed review with FAILED or PARTIAL components: a result to print, not an error.
  local rc=0
  "$root/scripts/review-local.sh" --sandbox "$size" --store "$store" --review-id "$label" --quiet \
      "$@" >"$work/$label.out" 2>&1 || rc=$?
  if [ "$rc" -gt 1 ] || [ ! -f "$store/reviews/$label/manifest.json" ]; then
    echo "review $label did not run (exit $rc):" >&2
    tail -20 "$work/$label.out" >&2
    exit 1
  fi
  echo "$store/reviews/$label/manifest.json"
}

manifests=()
for i in $(seq 1 "$runs"); do
  manifests+=("plain-$i=$(review "plain-$i")")
  manifests+=("throttled-$i=$(review "throttled-$i" --throttle-first "$throttle")")
done

python3 - "$size" "$throttle" "${manifests[@]}" <<'PY'
import datetime, json, statistics, sys

size, throttle, pairs = sys.argv[1], sys.argv[2], sys.argv[3:]

def instant(s):
    # Java writes up to nanoseconds; Python parses microseconds.
    s = s.rstrip("Z")
    if "." in s:
        head, frac = s.split(".")
        s = head + "." + frac[:6].ljust(6, "0")
    return datetime.datetime.fromisoformat(s)

walls = {"plain": [], "throttled": []}
print(f"sandbox {size}, --throttle-first {throttle}")
for pair in pairs:
    label, path = pair.split("=", 1)
    with open(path) as f:
        m = json.load(f)
    wall = (instant(m["updatedAt"]) - instant(m["createdAt"])).total_seconds()
    walls[label.split("-")[0]].append(wall)
    parts = ", ".join(f"{c} {v['status']} {v.get('durationMs', 0) / 1000:.1f}s"
                      for c, v in m["components"].items())
    print(f"  {label:12} {m['status']:10} wall {wall:6.1f}s   {parts}")
plain, throttled = statistics.median(walls["plain"]), statistics.median(walls["throttled"])
print(f"median wall: unthrottled {plain:.1f}s, throttled {throttled:.1f}s, ratio {throttled / plain:.2f}")
PY

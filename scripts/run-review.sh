#!/usr/bin/env bash
# Runs a review of the deployed stack through the AWS CLI: an interactive menu, or flags for scripts.
# The orchestrator and the reports bucket are found through the stack's outputs.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/run-review.sh [options]

Without an action the interactive menu opens (quick 1 day, standard 7, full 30, custom range,
recent reports, tail logs); it reads its answers from standard input.

Actions:
  --days N              review the last N days (1-90)
  --from TIME --to TIME review a custom range: 2026-11-01 (start of that day, UTC) or
                        2026-11-01T08:00:00Z
  --recent              list the 10 newest reports in the reports bucket
  --tail COMPONENT      follow a function's logs: orchestrator, instance, quota, metrics, phone,
                        flow, cloudtrail, logs, athena, report (or the function's suffix, e.g.
                        log-analyzer); needs AWS CLI v2
Options:
  --analyzers a,b       run only these analyzers (default: all)
  --stack NAME          stack name (default: connect-ops-review)
  --region REGION       AWS Region of the stack (default: the CLI's)
  --profile PROFILE     AWS CLI profile
  -h, --help            this text

Prints the review id, its status and where the report is (a presigned URL when the orchestrator
answers one, else its s3:// location).
Exit codes: 0 the review COMPLETED (or the listing/tail ran), 1 it ended COMPLETED_WITH_ERRORS or
FAILED, 2 bad input, or the review could not be started (aws missing or failing, no such stack).
EOF
}

die() { # $1 = message; exit 2
  echo "error: $1" >&2
  exit 2
}

STACK=connect-ops-review
DAYS="" FROM="" TO="" ANALYZERS="" ACTION="" TAIL_COMPONENT="" WORK_DIR=""
AWS_OPTS=()

need_value() { # $1 = option, $2 = number of remaining args
  [ "$2" -ge 2 ] || die "$1 needs a value (see --help)"
}

set_action() {
  if [ -n "$ACTION" ] && [ "$ACTION" != "$1" ]; then
    die "choose one of --days, --from/--to, --recent, --tail"
  fi
  ACTION=$1
}

while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --days) need_value "$1" $#; DAYS=$2; set_action review; shift 2 ;;
    --from) need_value "$1" $#; FROM=$2; set_action range; shift 2 ;;
    --to) need_value "$1" $#; TO=$2; set_action range; shift 2 ;;
    --analyzers) need_value "$1" $#; ANALYZERS=$2; shift 2 ;;
    --stack) need_value "$1" $#; STACK=$2; shift 2 ;;
    --region) need_value "$1" $#; AWS_OPTS+=(--region "$2"); shift 2 ;;
    --profile) need_value "$1" $#; AWS_OPTS+=(--profile "$2"); shift 2 ;;
    --recent) set_action recent; shift ;;
    --tail) need_value "$1" $#; TAIL_COMPONENT=$2; set_action tail; shift 2 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done

[[ "$STACK" =~ ^[A-Za-z][A-Za-z0-9-]{0,127}$ ]] \
  || die "--stack '$STACK' is not a stack name (letters, digits, hyphens, starting with a letter)"

check_days() {
  if ! [[ "$1" =~ ^[0-9]+$ ]] || [ "$1" -lt 1 ] || [ "$1" -gt 90 ]; then
    die "days must be a whole number between 1 and 90, got '$1'"
  fi
}

# A date is the start of that day in UTC, as the local runner reads it.
to_instant() { # $1 = option name, $2 = value; prints the ISO-8601 instant
  if [[ "$2" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]]; then
    echo "$2T00:00:00Z"
  elif [[ "$2" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?Z$ ]]; then
    echo "$2"
  else
    die "$1 must be a date (2026-11-01) or a UTC instant (2026-11-01T08:00:00Z), got '$2'"
  fi
}

check_analyzers() {
  [ -z "$1" ] || [[ "$1" =~ ^[a-z][a-z0-9-]*(,[a-z][a-z0-9-]*)*$ ]] \
    || die "--analyzers must be names separated by commas (e.g. instance,quota), got '$1'"
}

# The function-name suffix of a component, as template.yaml names the functions.
function_suffix() {
  case "$1" in
    orchestrator) echo orchestrator ;;
    instance|instance-analyzer) echo instance-analyzer ;;
    quota|quota-analyzer) echo quota-analyzer ;;
    metrics|metrics-analyzer) echo metrics-analyzer ;;
    phone|phone-analyzer) echo phone-analyzer ;;
    flow|flow-analyzer) echo flow-analyzer ;;
    cloudtrail|cloudtrail-analyzer) echo cloudtrail-analyzer ;;
    logs|log-analyzer) echo log-analyzer ;;
    athena|athena-export) echo athena-export ;;
    report|report-generator) echo report-generator ;;
    *) die "unknown component '$1' (known: orchestrator, instance, quota, metrics, phone, flow, cloudtrail, logs, athena, report)" ;;
  esac
}

# The aws command with the --region/--profile given (an empty array trips set -u in bash 3.2).
awscli() {
  if [ ${#AWS_OPTS[@]} -gt 0 ]; then aws "${AWS_OPTS[@]}" "$@"; else aws "$@"; fi
}

require_aws() {
  command -v aws >/dev/null 2>&1 \
    || die "the AWS CLI (aws) is not on PATH; install it and configure credentials (aws configure)"
}

# Every output of the stack as "key<TAB>value" lines.
STACK_OUTPUTS=""
load_outputs() {
  require_aws
  if ! STACK_OUTPUTS=$(awscli cloudformation describe-stacks --stack-name "$STACK" \
      --query 'Stacks[0].Outputs[].[OutputKey,OutputValue]' --output text); then
    die "aws cloudformation describe-stacks --stack-name $STACK failed (see above): is the stack deployed in this Region and account?"
  fi
}

output() { # $1 = output key; prints its value or nothing
  printf '%s\n' "$STACK_OUTPUTS" | awk -F'\t' -v k="$1" '$1 == k { print $2; exit }'
}

# The orchestrator's answer is one line of compact JSON (Jackson) with plain-text ids, enums and
# locations, so grep reads it without jq. Strings keep their JSON escapes.
json_string() { # $1 = key, $2 = file; the first "key":"..." string value
  grep -oE "\"$1\":\"([^\"\\\\]|\\\\.)*\"" "$2" | head -n 1 | sed -E "s/^\"$1\":\"//; s/\"\$//" || true
}

json_pairs() { # stdin: JSON text; prints '  key: value' for every "key":"value" pair in it
  grep -oE '"[A-Za-z0-9_.-]+":"([^"\\]|\\.)*"' | sed -E 's/^"([^"]*)":"(.*)"$/  \1: \2/' || true
}

run_review() { # $1 = the request's window fields as JSON members
  local window=$1 payload function answer meta status
  check_analyzers "$ANALYZERS"
  payload="{$window"
  if [ -n "$ANALYZERS" ]; then
    payload="$payload,\"analyzers\":[\"${ANALYZERS//,/\",\"}\"]"
  fi
  payload="$payload}"
  load_outputs
  function=$(output OrchestratorFunctionName)
  [ -n "$function" ] || function=$(output OrchestratorFunctionArn)
  [ -n "$function" ] || die "stack $STACK has no OrchestratorFunctionName output: is it a Connect Ops Review stack?"

  WORK_DIR=$(mktemp -d)
  trap 'rm -rf "$WORK_DIR"' EXIT
  printf '%s' "$payload" >"$WORK_DIR/request.json"
  answer="$WORK_DIR/answer.json"
  echo "Invoking $function with $payload (a review takes up to 15 minutes)..." >&2
  # fileb:// sends the bytes as they are under AWS CLI v1 and v2 alike. No read timeout: a read that
  # timed out would be retried by the CLI and start a second review; Lambda ends the call by 900 s.
  if ! meta=$(awscli lambda invoke --function-name "$function" \
      --payload "fileb://$WORK_DIR/request.json" --cli-read-timeout 0 "$answer"); then
    die "aws lambda invoke --function-name $function failed (see above)"
  fi
  if printf '%s' "$meta" | grep -q '"FunctionError"'; then
    echo "error: the orchestrator refused or failed the request:" >&2
    echo "  $(json_string errorType "$answer"): $(json_string errorMessage "$answer")" >&2
    exit 2
  fi
  status=$(json_string status "$answer")
  echo "Review id: $(json_string reviewId "$answer")"
  echo "Status:    $status"
  { grep -oE '"components":\{[^}]*\}' "$answer" || true; } | json_pairs
  local url html
  url=$(json_string reportUrl "$answer")
  [ -n "$url" ] || url=$(json_string url "$answer")
  html=$(json_string html "$answer")
  if [ -n "$url" ]; then
    echo "Report:    $url"
  elif [ -n "$html" ]; then
    echo "Report:    $html"
    case "$html" in
      s3://*) echo "           open it with: aws s3 presign $html --expires-in 3600" ;;
    esac
  else
    echo "Report:    none written"
  fi
  # errors is the answer's last member: everything after it belongs to it.
  if grep -q '"errors":{' "$answer"; then
    echo "Errors:"
    sed -E 's/.*"errors":\{//' "$answer" | json_pairs
  fi
  [ "$status" = COMPLETED ]
}

recent_reports() {
  local bucket listing
  load_outputs
  bucket=$(output ReportsBucketName)
  [ -n "$bucket" ] || die "stack $STACK has no ReportsBucketName output"
  if ! listing=$(awscli s3api list-objects-v2 --bucket "$bucket" --prefix reports/ \
      --query "Contents[?ends_with(Key, '/report.html')].[LastModified,Size,Key]" --output text); then
    die "aws s3api list-objects-v2 --bucket $bucket failed (see above)"
  fi
  # An empty listing answers "None" (no Contents).
  if [ -z "$listing" ] || [ "$listing" = None ]; then
    echo "No reports yet in s3://$bucket/reports/"
    return 0
  fi
  echo "Newest reports in s3://$bucket/ (reports/<instance id>/<review id>/report.html):"
  printf '%s\n' "$listing" | sort -r | head -n 10 \
    | awk -F'\t' -v b="$bucket" '{ printf "  %s  %10s bytes  s3://%s/%s\n", $1, $2, b, $3 }'
  echo "Open one with: aws s3 presign s3://$bucket/<key> --expires-in 3600"
}

tail_logs() { # $1 = component
  local group
  group="/aws/lambda/$STACK-$(function_suffix "$1")"
  require_aws
  if aws --version 2>&1 | grep -q '^aws-cli/1\.'; then
    die "aws logs tail needs AWS CLI v2 (found $(aws --version 2>&1 | cut -d' ' -f1))"
  fi
  echo "Following $group (Ctrl-C to stop)..." >&2
  awscli logs tail "$group" --follow \
    || die "aws logs tail $group failed (see above)"
}

ask() { # $1 = prompt; prints the answer; end of input ends the script
  local reply
  printf '%s' "$1" >&2
  IFS= read -r reply || { echo >&2; die "no answer (end of input)"; }
  printf '%s' "$reply"
}

menu() {
  cat >&2 <<EOF
Connect Ops Review: stack $STACK
  1) Quick review     (last day)
  2) Standard review  (last 7 days)
  3) Full review      (last 30 days)
  4) Custom range
  5) Recent reports
  6) Tail logs
  7) Exit
EOF
  local choice
  choice=$(ask "Choice [1-7]: ")
  case "$choice" in
    1) run_review '"daysBack":1' ;;
    2) run_review '"daysBack":7' ;;
    3) run_review '"daysBack":30' ;;
    4)
      FROM=$(to_instant from "$(ask "From (2026-11-01 or 2026-11-01T08:00:00Z): ")")
      TO=$(to_instant to "$(ask "To: ")")
      range_review ;;
    5) recent_reports ;;
    6)
      local component
      component=$(ask "Component (orchestrator, instance, quota, metrics, phone, flow, cloudtrail, logs, athena, report) [orchestrator]: ")
      [ -n "$component" ] || component=orchestrator
      function_suffix "$component" >/dev/null
      tail_logs "$component" ;;
    7) exit 0 ;;
    *) die "invalid choice '$choice' (expected 1-7)" ;;
  esac
}

range_review() {
  [[ "$FROM" < "$TO" ]] || die "the range must start before it ends ($FROM .. $TO)"
  run_review "\"startTime\":\"$FROM\",\"endTime\":\"$TO\""
}

case "$ACTION" in
  review) check_days "$DAYS"; run_review "\"daysBack\":$((10#$DAYS))" ;;
  range)
    if [ -z "$FROM" ] || [ -z "$TO" ]; then die "--from and --to go together"; fi
    FROM=$(to_instant --from "$FROM")
    TO=$(to_instant --to "$TO")
    range_review ;;
  recent) recent_reports ;;
  tail) function_suffix "$TAIL_COMPONENT" >/dev/null; tail_logs "$TAIL_COMPONENT" ;;
  "") menu ;;
esac

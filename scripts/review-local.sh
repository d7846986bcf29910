#!/usr/bin/env bash
# The local runner in one command:
#   ./scripts/review-local.sh --sandbox                 # offline sandbox, small scenario
#   ./scripts/review-local.sh --instance-arn ARN --days 7   # real AWS, default credential chain
#   ./scripts/review-local.sh reviews list              # stored reviews
# Builds what it needs on first use (and again when sources changed), then runs the CLI.
# Options starting with '-' go to the `review` command; `review ...` / `reviews ...` pass through.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/lib/jdk.sh"
select_jdk >/dev/null

jar="$root/local-runner/target/connect-ops-review-local.jar"
stale() {
  [ ! -f "$jar" ] && return 0
  [ -n "$(find "$root/pom.xml" "$root/shared-lib" "$root/functions" "$root/local-runner" \
      \( -name '*.java' -o -name 'pom.xml' -o -name '*.ftlh' -o -name '*.css' -o -name '*.xml' -o -name '*.json' \) \
      -path '*src*' -newer "$jar" -print -quit 2>/dev/null)" ] && return 0
  [ "$root/pom.xml" -nt "$jar" ]
}
if stale; then
  echo "Building the local runner (first run or sources changed)..." >&2
  MAVEN_OPTS="${MAVEN_OPTS:-}"
  if [ "$(jdk_major "$JAVA_HOME/bin/java")" -ge 24 ]; then
    MAVEN_OPTS="$MAVEN_OPTS --sun-misc-unsafe-memory-access=allow"
  fi
  export MAVEN_OPTS
  (cd "$root" && mvn -B -q -ntp -Dstyle.color=never -pl local-runner -am package -DskipTests) >&2
fi

case "${1:-}" in
  review|reviews|help|-h|--help|-V|--version) ;;
  *) set -- review "$@" ;;
esac
exec "$JAVA_HOME/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$jar" "$@"

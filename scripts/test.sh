#!/usr/bin/env bash
# The project's test command: builds every module, runs every test tier that can run here
# (unit, wire, storage engines, end to end; LocalStack tests skip without Docker), packages the
# Lambda zips, checks template.yaml against them, and lints the template with cfn-lint if present.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/jdk.sh
select_jdk
echo "Using JDK at $JAVA_HOME ($(java -version 2>&1 | head -1))"

MAVEN_OPTS="${MAVEN_OPTS:-}"
# Maven 3.8's bundled Guava touches sun.misc.Unsafe; silence the JDK 24+ warning about it.
if [ "$(jdk_major "$JAVA_HOME/bin/java")" -ge 24 ]; then
  MAVEN_OPTS="$MAVEN_OPTS --sun-misc-unsafe-memory-access=allow"
fi
export MAVEN_OPTS

mvn -B -ntp verify "$@"

if command -v cfn-lint >/dev/null 2>&1; then
  echo "cfn-lint template.yaml"
  cfn-lint template.yaml
  echo "cfn-lint: no findings"
else
  echo "cfn-lint not installed; template lint skipped (the JUnit TemplateTest still ran)"
fi

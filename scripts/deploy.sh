#!/usr/bin/env bash
# Checks the prerequisites, builds the function zips and deploys template.yaml: with the SAM CLI
# when it is installed, else with the AWS CLI's cloudformation package + deploy.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  cat <<'EOF'
Usage: scripts/deploy.sh [options]

Checks Java 21+, Maven, the AWS CLI and your credentials, builds the function zips
(mvn -B -ntp package -DskipTests) and deploys template.yaml:
  - SAM CLI installed: sam deploy --guided (asks for the parameters, saves them to samconfig.toml),
    or with --no-guided: sam deploy with samconfig.toml's settings;
  - otherwise: aws cloudformation package (uploads the zips to --s3-bucket) and
    aws cloudformation deploy --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND.

Options:
  --stack NAME              stack name (default: samconfig.toml's, connect-ops-review)
  --region REGION           AWS Region (deploy where the Connect instance lives)
  --profile PROFILE         AWS CLI profile
  --no-guided               SAM: no prompts, samconfig.toml's settings
  --s3-bucket BUCKET        bucket for the code artifacts (required without SAM)
  --s3-prefix PREFIX        key prefix for the artifacts (default: connect-ops-review)
  --parameter-overrides K=V [K=V ...]
                            stack parameters, e.g. AmazonConnectInstanceARN=arn:aws:connect:...
                            (every following K=V argument, up to the next option)
  --cloudformation          use aws cloudformation package + deploy even when SAM is installed
  --skip-build              deploy the zips already built
  -h, --help                this text

Exit codes: 0 deployed, 1 a step failed, 2 bad input or a missing prerequisite.
EOF
}

die() { # $1 = message
  echo "error: $1" >&2
  exit 2
}

STACK="" STACK_GIVEN=no S3_BUCKET="" S3_PREFIX=connect-ops-review
GUIDED=yes USE_SAM=auto BUILD=yes
AWS_OPTS=() PARAMS=()

need_value() { # $1 = option, $2 = number of remaining args
  [ "$2" -ge 2 ] || die "$1 needs a value (see --help)"
}

while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --stack) need_value "$1" $#; STACK=$2; STACK_GIVEN=yes; shift 2 ;;
    --region) need_value "$1" $#; AWS_OPTS+=(--region "$2"); shift 2 ;;
    --profile) need_value "$1" $#; AWS_OPTS+=(--profile "$2"); shift 2 ;;
    --no-guided) GUIDED=no; shift ;;
    --s3-bucket) need_value "$1" $#; S3_BUCKET=$2; shift 2 ;;
    --s3-prefix) need_value "$1" $#; S3_PREFIX=$2; shift 2 ;;
    --cloudformation) USE_SAM=no; shift ;;
    --skip-build) BUILD=no; shift ;;
    --parameter-overrides)
      shift
      while [ $# -gt 0 ] && [[ "$1" != --* ]]; do
        [[ "$1" =~ ^[A-Za-z0-9]+=.* ]] || die "--parameter-overrides takes Key=Value arguments, got '$1'"
        PARAMS+=("$1")
        shift
      done
      [ ${#PARAMS[@]} -gt 0 ] || die "--parameter-overrides needs at least one Key=Value" ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done

if [ -z "$STACK" ] && [ -f samconfig.toml ]; then
  STACK=$(sed -n 's/^stack_name *= *"\([^"]*\)".*/\1/p' samconfig.toml | head -n 1)
fi
STACK=${STACK:-connect-ops-review}
[[ "$STACK" =~ ^[A-Za-z][A-Za-z0-9-]{0,127}$ ]] \
  || die "--stack '$STACK' is not a stack name (letters, digits, hyphens, starting with a letter)"

# The aws command with the --region/--profile given (an empty array trips set -u in bash 3.2).
awscli() {
  if [ ${#AWS_OPTS[@]} -gt 0 ]; then aws "${AWS_OPTS[@]}" "$@"; else aws "$@"; fi
}

# --- prerequisites
echo "Checking prerequisites..."
. scripts/lib/jdk.sh
select_jdk || exit 2
echo "  Java:        $JAVA_HOME ($(java -version 2>&1 | head -n 1))"
command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is not on PATH; install Maven 3.8.7 or newer"
echo "  Maven:       $(command -v mvn)"
command -v aws >/dev/null 2>&1 \
  || die "the AWS CLI (aws) is not on PATH; install it and configure credentials (aws configure)"
echo "  AWS CLI:     $(aws --version 2>&1 | head -n 1)"
if ! ACCOUNT=$(awscli sts get-caller-identity --query Account --output text); then
  die "no usable AWS credentials (aws sts get-caller-identity failed, see above); run aws configure or set AWS_PROFILE"
fi
echo "  Account:     $ACCOUNT"
if [ "$USE_SAM" = auto ]; then
  if command -v sam >/dev/null 2>&1; then USE_SAM=yes; else USE_SAM=no; fi
fi
if [ "$USE_SAM" = yes ]; then
  echo "  SAM CLI:     $(sam --version 2>&1 | head -n 1)"
else
  echo "  SAM CLI:     not used; deploying with aws cloudformation package + deploy"
  [ -n "$S3_BUCKET" ] || die "without the SAM CLI, --s3-bucket BUCKET is required: aws cloudformation package uploads the function zips there"
fi

# --- build
if [ "$BUILD" = yes ]; then
  MAVEN_OPTS="${MAVEN_OPTS:-}"
  # Maven 3.8's bundled Guava touches sun.misc.Unsafe; silence the JDK 24+ warning about it.
  if [ "$(jdk_major "$JAVA_HOME/bin/java")" -ge 24 ]; then
    MAVEN_OPTS="$MAVEN_OPTS --sun-misc-unsafe-memory-access=allow"
  fi
  export MAVEN_OPTS
  echo "Building the function zips..."
  mvn -B -ntp package -DskipTests || { echo "error: the build failed (see above)" >&2; exit 1; }
fi

# --- deploy
if [ "$USE_SAM" = yes ]; then
  # No `sam build`: template.yaml's CodeUri points at the zips Maven built.
  args=(deploy --template-file template.yaml)
  [ "$GUIDED" = yes ] && args+=(--guided)
  # Guided, SAM asks for the stack name, offering samconfig.toml's unless --stack named another.
  if [ "$GUIDED" = no ] || [ "$STACK_GIVEN" = yes ]; then args+=(--stack-name "$STACK"); fi
  [ ${#AWS_OPTS[@]} -gt 0 ] && args+=("${AWS_OPTS[@]}")
  [ ${#PARAMS[@]} -gt 0 ] && args+=(--parameter-overrides "${PARAMS[@]}")
  echo "sam ${args[*]}"
  sam "${args[@]}" || { echo "error: sam deploy failed (see above)" >&2; exit 1; }
else
  PACKAGED=$(mktemp "${TMPDIR:-/tmp}/packaged-template.XXXXXX")
  trap 'rm -f "$PACKAGED"' EXIT
  echo "Uploading the function zips to s3://$S3_BUCKET/$S3_PREFIX/..."
  awscli cloudformation package --template-file template.yaml --s3-bucket "$S3_BUCKET" \
      --s3-prefix "$S3_PREFIX" --output-template-file "$PACKAGED" \
    || { echo "error: aws cloudformation package failed (see above)" >&2; exit 1; }
  args=(cloudformation deploy --template-file "$PACKAGED" --stack-name "$STACK"
    --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND)
  [ ${#PARAMS[@]} -gt 0 ] && args+=(--parameter-overrides "${PARAMS[@]}")
  echo "Deploying stack $STACK..."
  awscli "${args[@]}" || { echo "error: aws cloudformation deploy failed (see above)" >&2; exit 1; }
fi
echo "Deployed stack $STACK. Run a review: scripts/run-review.sh --stack $STACK --days 7"

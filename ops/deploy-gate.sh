#!/usr/bin/env bash
# deploy-gate.sh: the honeyDue deploy gate (ch14 of the deployment book, which shows this file).
#   build -> push -> migrate Job -> wait (Complete OR Failed, with a timeout) -> roll -> watch
# Usage: JOB=… API_IMAGE=… MANIFEST=… deploy-gate.sh <TAG>   (ch14 gives the line with the values)
#   TAG              the release's image tag (the book's convention: the commit's 12-character SHA)
# Environment, the deployment's names (the book's data module holds them; none is a secret):
#   JOB              the migrate Job's name
#   API_IMAGE        the api image without a tag (the worker runs it too)
#   MANIFEST         the Job manifest in the API repository, with <TAG> where the tag goes
#   ADMIN_IMAGE      the admin image without a tag (only with ADMIN_TAG)
# Environment, optional:
#   BUILD=yes|no     yes (default): build and push from this checkout, whose HEAD must be TAG,
#                    a tag the registry does not hold yet;
#                    no: the image must already be in the registry
#   WORKER=auto|skip auto (default): roll the worker to the api image only if it runs it now,
#                    and stop before anything changes if it does not; skip: leave it alone
#   ADMIN_TAG        also roll admin to ADMIN_IMAGE:ADMIN_TAG
#   JOB_TIMEOUT      seconds to wait for the Job's verdict (default 900; keep it longer
#                    than the Job's activeDeadlineSeconds)
#   POLL_INTERVAL    seconds between two looks at the Job (default 3)
#   ROLLOUT_TIMEOUT  per Deployment (default 10m)
#   KUBECONFIG       as kubectl reads it; NS (default honeydue)
# Nothing runs in the background: every kubectl call returns before the next one starts.
set -euo pipefail

TAG=${1:?usage: JOB=… API_IMAGE=… MANIFEST=… deploy-gate.sh <TAG>}
JOB=${JOB:?set JOB to the name of the migrate Job (ch14 gives the command line)}
API_IMAGE=${API_IMAGE:?set API_IMAGE to the api image without a tag}
MANIFEST=${MANIFEST:?set MANIFEST to the path of the Job manifest in the API repository}
ADMIN_TAG=${ADMIN_TAG:-}
ADMIN_IMAGE=${ADMIN_IMAGE:-}
[ -z "$ADMIN_TAG" ] || [ -n "$ADMIN_IMAGE" ] || { echo "deploy-gate: ADMIN_TAG needs ADMIN_IMAGE" >&2; exit 1; }
NS=${NS:-honeydue}
BUILD=${BUILD:-yes}
WORKER=${WORKER:-auto}
JOB_TIMEOUT=${JOB_TIMEOUT:-900}
POLL_INTERVAL=${POLL_INTERVAL:-3}
ROLLOUT_TIMEOUT=${ROLLOUT_TIMEOUT:-10m}

die() { echo "deploy-gate: $*" >&2; exit 1; }

# image_repo <image>: the image without its tag or digest
image_repo() { local i=${1%@*}; case ${i##*/} in *:*) i=${i%:*} ;; esac; printf '%s\n' "$i"; }

# current_image <deployment>: the image of its first container
current_image() {
  kubectl -n "${NS:-honeydue}" get deploy "$1" -o jsonpath='{.spec.template.spec.containers[0].image}'
}

# roll <deployment> <image:tag>: set the first container's image and record why
roll() {
  local d=$1 image=$2 c
  c=$(kubectl -n "${NS:-honeydue}" get deploy "$d" -o jsonpath='{.spec.template.spec.containers[0].name}')
  kubectl -n "${NS:-honeydue}" set image "deploy/$d" "$c=$image"
  kubectl -n "${NS:-honeydue}" annotate "deploy/$d" kubernetes.io/change-cause="release ${image##*:}" --overwrite
}

# wait_job <job> <timeout-seconds>: prints the verdict; returns 0 Complete, 1 Failed,
# 2 no verdict in time, 3 the Job cannot be read (kubectl's error says: missing, or the API failed)
wait_job() {
  local job=$1 timeout=$2 ns=${NS:-honeydue} deadline
  deadline=$(( $(date +%s) + timeout ))
  while :; do
    if ! kubectl -n "$ns" --request-timeout=20s get job "$job" -o name >/dev/null; then
      echo "job/$job: cannot read the Job (see kubectl's error above): no verdict" >&2; return 3
    fi
    if kubectl -n "$ns" --request-timeout=20s wait --for=condition=complete --timeout=1s "job/$job" >/dev/null 2>&1; then
      echo "job/$job: Complete"; return 0
    fi
    if kubectl -n "$ns" --request-timeout=20s wait --for=condition=failed --timeout=1s "job/$job" >/dev/null 2>&1; then
      echo "job/$job: Failed"; return 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "job/$job: no verdict after ${timeout}s"; return 2
    fi
    sleep "${POLL_INTERVAL:-3}"
  done
}

# no_running_job <when>: stop unless the migrate Job is absent or has no pod running
# (deleting a running Job kills goose in the middle of a migration)
no_running_job() {
  local active
  active=$(kubectl -n "${NS:-honeydue}" get job "$JOB" --ignore-not-found -o jsonpath='{.status.active}') \
    || die "cannot read job/$JOB (kubectl's error above)"
  [ -z "$active" ] || [ "$active" = 0 ] || die "job/$JOB is running$1: not touching it, nothing rolled (ch14 step 3)"
}

# has_amd64 <image:tag>: the registry holds a linux/amd64 image under that tag
has_amd64() {
  local out
  out=$(docker buildx imagetools inspect "$1" 2>/dev/null) || return 1
  case $out in *linux/amd64*) return 0 ;; *) return 1 ;; esac
}

echo "== 0 pre-flight: release $TAG"
case $JOB_TIMEOUT in ''|*[!0-9]*) die "JOB_TIMEOUT must be a number of seconds" ;; esac
case $POLL_INTERVAL in ''|*[!0-9]*) die "POLL_INTERVAL must be a number of seconds" ;; esac
# Each read is its own assignment, so a kubectl failure stops the script with kubectl's error
# (inside [ ... ] a failed command substitution would only yield an empty string)
NOW=$(current_image api) || die "cannot read deploy/api (kubectl's error above)"
[ "$(image_repo "$NOW")" = "$API_IMAGE" ] || die "deploy/api runs '$NOW', not $API_IMAGE: correct the image fact first"
ROLL="api"
case $WORKER in
  auto) NOW=$(current_image worker) || die "cannot read deploy/worker (kubectl's error above)"
        [ "$(image_repo "$NOW")" = "$API_IMAGE" ] \
          || die "deploy/worker runs '$NOW', not $API_IMAGE: roll it by hand (ch14 step 5), run with WORKER=skip"
        ROLL="$ROLL worker" ;;
  skip) ;;
  *) die "WORKER must be auto or skip" ;;
esac
if [ -n "$ADMIN_TAG" ]; then
  NOW=$(current_image admin) || die "cannot read deploy/admin (kubectl's error above)"
  [ "$(image_repo "$NOW")" = "$ADMIN_IMAGE" ] || die "deploy/admin runs '$NOW', not $ADMIN_IMAGE"
  has_amd64 "$ADMIN_IMAGE:$ADMIN_TAG" || die "$ADMIN_IMAGE:$ADMIN_TAG has no linux/amd64 image in the registry"
fi
no_running_job ""

echo "== 1-2 image $API_IMAGE:$TAG"
if [ "$BUILD" = yes ]; then
  # A tag names one build (ch11): a tag the registry already holds is deployed, never rebuilt
  ! docker buildx imagetools inspect "$API_IMAGE:$TAG" >/dev/null 2>&1 \
    || die "$API_IMAGE:$TAG is already in the registry: deploy it with BUILD=no, do not rebuild it"
  CHANGES=$(git status --porcelain) || die "not a git checkout: run from the API repository root"
  [ -z "$CHANGES" ] || die "uncommitted changes: commit first"
  HEAD_TAG=$(git rev-parse --short=12 HEAD)
  [ "$HEAD_TAG" = "$TAG" ] || die "this checkout is at $HEAD_TAG, not $TAG"
  docker buildx build --platform linux/amd64,linux/arm64 -t "$API_IMAGE:$TAG" --push .
fi
has_amd64 "$API_IMAGE:$TAG" || die "$API_IMAGE:$TAG has no linux/amd64 image in the registry"

echo "== 3 migrate Job"
JOB_YAML=$(sed "s|<TAG>|$TAG|g" "$MANIFEST")
# What the manifest really says, parsed by kubectl (a text search would also match a comment)
RENDERED=$(printf '%s\n' "$JOB_YAML" | kubectl -n "$NS" create --dry-run=client -f - \
  -o jsonpath='{.kind}/{.metadata.name} {.spec.template.spec.containers[*].image}') \
  || die "kubectl cannot parse $MANIFEST"
[ "$RENDERED" = "Job/$JOB $API_IMAGE:$TAG" ] \
  || die "$MANIFEST renders '$RENDERED', not 'Job/$JOB $API_IMAGE:$TAG': the Job would not run this release's migrations"
# Again right before the delete: someone else's deploy may have started the Job during the build
no_running_job " (it started after pre-flight: another deploy?)"
kubectl -n "$NS" delete job "$JOB" --ignore-not-found --cascade=foreground --wait=true
printf '%s\n' "$JOB_YAML" | kubectl -n "$NS" create -f -
DEADLINE=$(kubectl -n "$NS" get job "$JOB" -o jsonpath='{.spec.activeDeadlineSeconds}')
if [ -n "$DEADLINE" ] && [ "$JOB_TIMEOUT" -le "$DEADLINE" ]; then
  echo "deploy-gate: JOB_TIMEOUT ${JOB_TIMEOUT}s is not longer than the Job's deadline ${DEADLINE}s" >&2
fi

echo "== 4 wait for Complete or Failed (at most ${JOB_TIMEOUT}s)"
if wait_job "$JOB" "$JOB_TIMEOUT"; then :; else
  rc=$?
  [ "$rc" = 3 ] && die "job/$JOB cannot be read (missing, or the API failed): Deployments NOT rolled; re-run the gate with BUILD=no"
  kubectl -n "$NS" logs "job/$JOB" --tail=30 >&2 || true
  die "the migrate Job did not complete: Deployments NOT rolled (ch14, 'Debugging a failed gate')"
fi

echo "== 5 roll: $ROLL"
for d in $ROLL; do roll "$d" "$API_IMAGE:$TAG"; done
if [ -n "$ADMIN_TAG" ]; then roll admin "$ADMIN_IMAGE:$ADMIN_TAG"; ROLL="$ROLL admin"; fi

echo "== 6 watch"
for d in $ROLL; do
  kubectl -n "$NS" rollout status "deploy/$d" --timeout="$ROLLOUT_TIMEOUT" \
    || die "deploy/$d did not finish: the old pods keep serving (ch14 step 6, ch16 'Bad deploy')"
done
echo "== done: now verify (ch14 step 7)"

#!/usr/bin/env bash
# Checks the Kubernetes manifests (CI runs it from .ci/run; about 10 s after `npm ci`):
#  1. the generated files (PrometheusRule from deploy/prometheus/alerts.yaml, config copies) are current;
#  2. every overlay renders with `kubectl kustomize`;
#  3. every rendered object is valid against the Kubernetes API schema, custom resources (ScaledObject,
#     ServiceMonitor, PrometheusRule) against their CRDs' schemas; an unknown kind fails (validate/validate.mjs);
#  4. the validator itself rejects each object of validate/testdata/broken.yaml, so a pass means something.
# Needs kubectl (with its built-in kustomize) and node; run `npm ci --prefix deploy/k8s/validate` first.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
validate() { node validate/validate.mjs "$@"; }

./generate.sh --check

for overlay in overlays/*/; do
  name="$(basename "$overlay")"
  rendered="$(kubectl kustomize "$overlay")"
  validate "$name" <<< "$rendered"
done

# the self-test: every broken object must be reported, none may pass
expected="$(grep -c '^kind:' validate/testdata/broken.yaml)"
set +e
out="$(validate broken < validate/testdata/broken.yaml)"
status=$?
set -e
echo "$out"
if [ "$status" -ne 1 ] || ! grep -qx "broken: 0 of $expected objects valid" <<< "$out"; then
  echo "the validator did not reject all $expected broken objects (exit $status)" >&2
  exit 1
fi
echo "validator self-test: all $expected broken objects rejected, as expected"

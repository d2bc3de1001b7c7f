#!/usr/bin/env bash
# Checks the reconciler image without a registry or a Docker engine: Jib builds it as an OCI tarball on
# an empty base (-Djib.from.image=scratch: the app layers, entry point, user, ports and labels are the
# real image's; only the JRE below them is left out), this script unpacks its layers into a directory,
# runs the image's own entry point from there (its paths under /app and /etc/lagline re-rooted into the
# directory, the JVM taken from the PATH) against a local stack (LocalStackMain: a Pub/Sub emulator and a
# Cassandra node), first as the provision and schema Jobs run it, then as the Deployment does, and
# waits for /health/ready. Then SIGTERM must drain and exit 0, as on a rolling update.
# Usage: deploy/image/check-image.sh [--no-build]   (--no-build: reuse reconciler/target/jib-image.tar)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
work="$(mktemp -d /tmp/lagline-image-check.XXXXXX)"
stack_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$stack_pid" ] && kill "$stack_pid" 2>/dev/null && wait "$stack_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ "${1:-}" != "--no-build" ]; then
  echo "== building the reconciler image as a tarball (jib:buildTar on scratch) and the demo's stack launcher"
  ./mvnw -B -q -Dmaven.test.skip=true -pl reconciler,demo -am package jib:buildTar -Djib.from.image=scratch
fi
tarball="reconciler/target/jib-image.tar"

echo "== unpacking $tarball"
mkdir -p "$work/oci" "$work/rootfs"
tar -xf "$tarball" -C "$work/oci"
python3 - "$work" > "$work/image.env" <<'PY'
import json, shlex, sys, tarfile
work = sys.argv[1]
blob = lambda d: f"{work}/oci/blobs/{d.replace(':', '/')}"
index = json.load(open(f"{work}/oci/index.json"))
manifest = json.load(open(blob(index["manifests"][0]["digest"])))
config = json.load(open(blob(manifest["config"]["digest"])))
for layer in manifest["layers"]:
    with tarfile.open(blob(layer["digest"])) as t:
        t.extractall(f"{work}/rootfs")
c = config["config"]
print("# image config, as Jib wrote it", file=sys.stderr)
for key in ("Entrypoint", "Cmd", "User", "WorkingDir", "ExposedPorts", "Labels"):
    print(f"{key}: {json.dumps(c.get(key))}", file=sys.stderr)
print(f"created: {config.get('created')}  layers: {len(manifest['layers'])}  manifest: {index['manifests'][0]['digest']}", file=sys.stderr)
print("ENTRYPOINT=(" + " ".join(shlex.quote(a) for a in c["Entrypoint"]) + ")")
print("CMD=(" + " ".join(shlex.quote(a) for a in c.get("Cmd", [])) + ")")
print("IMAGE_USER=" + c.get("User", "0:0"))
PY
# shellcheck disable=SC1091
source "$work/image.env"
echo "files under /app:"
(cd "$work/rootfs" && find app -maxdepth 1 | sort | sed 's/^/  /' && echo "  app/libs: $(ls app/libs | wc -l) jars")

# the image's paths, re-rooted into the unpacked directory
reroot() { sed -e "s#/app/#$work/rootfs/app/#g" -e "s#/app\$#$work/rootfs/app#" -e "s#/etc/lagline/#$work/rootfs/etc/lagline/#g"; }
sed -i "s#/app/#$work/rootfs/app/#g" "$work/rootfs/app/jib-classpath-file"
mapfile -t entry < <(printf '%s\n' "${ENTRYPOINT[@]}" | reroot)
mapfile -t cmd < <(printf '%s\n' "${CMD[@]}" | reroot)
# where the Deployment mounts its ConfigMap (deploy/k8s/base/reconciler): config/*.yaml
mkdir -p "$work/rootfs/etc/lagline"
cp config/reconciler.yaml config/mapping.yaml "$work/rootfs/etc/lagline/"

echo "== starting the local stack (Pub/Sub emulator, Cassandra node)"
java -cp demo/target/demo.jar io.lagline.testkit.stack.LocalStackMain > "$work/stack.out" 2> "$work/stack.err" &
stack_pid=$!
for _ in $(seq 1 180); do
  grep -q 'press Ctrl-C' "$work/stack.out" 2>/dev/null && break
  kill -0 "$stack_pid" 2>/dev/null || { cat "$work/stack.err" >&2; exit 1; }
  sleep 1
done
# shellcheck disable=SC1090
source <(grep '^export ' "$work/stack.out")
project="$(sed -n 's/^# Pub\/Sub project id: //p' "$work/stack.out")"
admin_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export LAGLINE_CASSANDRA_CONTACT_POINTS="$CASSANDRA_CONTACT_POINTS"
export LAGLINE_CASSANDRA_LOCAL_DATACENTER="$CASSANDRA_LOCAL_DATACENTER"
export LAGLINE_PUBSUB_TOPIC="projects/$project/topics/image-check"
export LAGLINE_PUBSUB_SUBSCRIPTION="projects/$project/subscriptions/image-check"
export LAGLINE_PUBSUB_DEAD_LETTER_TOPIC="projects/$project/topics/image-check-dead-letter"
export LAGLINE_PUBSUB_DEAD_LETTER_SUBSCRIPTION="projects/$project/subscriptions/image-check-dead-letter"
export LAGLINE_ADMIN_PORT="$admin_port"
echo "stack: PUBSUB_EMULATOR_HOST=$PUBSUB_EMULATOR_HOST CASSANDRA_CONTACT_POINTS=$CASSANDRA_CONTACT_POINTS"

# as the image's user (65532:65532, which owns none of the unpacked files, so they are read-only to it,
# as with the read-only root file system) when this script runs as root and can switch
as_user=()
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  image_user="$IMAGE_USER"
  as_user=(setpriv --reuid="${image_user%%:*}" --regid="${image_user##*:}" --clear-groups --)
  chmod 755 "$work"
  echo "running as uid:gid $image_user (setpriv)"
fi
cd "$work/rootfs/app"   # the image's WorkingDir
echo "== the provision Job's command: ${ENTRYPOINT[*]} provision --config /etc/lagline/reconciler.yaml"
"${as_user[@]}" "${entry[@]}" provision --config "$work/rootfs/etc/lagline/reconciler.yaml" > "$work/provision.log" 2>&1 \
  || { cat "$work/provision.log"; exit 1; }
echo "exit 0"
echo "== the schema Job's command: ${ENTRYPOINT[*]} schema --config /etc/lagline/reconciler.yaml --apply"
"${as_user[@]}" "${entry[@]}" schema --config "$work/rootfs/etc/lagline/reconciler.yaml" --apply > "$work/schema.log" 2>&1 \
  || { cat "$work/schema.log"; exit 1; }
echo "exit 0"
echo "== the Deployment's command: ${ENTRYPOINT[*]} ${CMD[*]}"
"${as_user[@]}" "${entry[@]}" "${cmd[@]}" > "$work/run.log" 2>&1 &
app_pid=$!
ready=""
for i in $(seq 1 120); do
  if ready="$(curl -fsS "http://127.0.0.1:$admin_port/health/ready" 2>/dev/null)"; then
    echo "/health/ready after ${i}s: 200 $ready"
    break
  fi
  kill -0 "$app_pid" 2>/dev/null || { echo "the reconciler exited:"; tail -20 "$work/run.log"; exit 1; }
  sleep 1
done
[ -n "$ready" ] || { echo "not ready within 120 s:"; curl -sS "http://127.0.0.1:$admin_port/health/ready" || true; tail -20 "$work/run.log"; exit 1; }
echo "/health/live: $(curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$admin_port/health/live")"
echo "/metrics: $(curl -fsS "http://127.0.0.1:$admin_port/metrics" | grep -c '^lagline_') lagline_* samples"
echo "JVM: uid $(awk '/^Uid:/ {print $2}' "/proc/$app_pid/status"), flags $(tr '\0' '\n' < "/proc/$app_pid/cmdline" | grep -E '^-XX:' | paste -sd ' ')"
echo "== SIGTERM (as Kubernetes stops a pod)"
kill -TERM "$app_pid"
start=$SECONDS
status=0
wait "$app_pid" || status=$?
app_pid=""
echo "exit $status after $((SECONDS - start)) s"
[ "$status" -eq 0 ] || { tail -20 "$work/run.log"; exit 1; }
echo "image check passed"

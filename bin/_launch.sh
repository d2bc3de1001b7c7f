# Shared by the bin/ launchers: builds the module's jar when it is missing or older than the sources,
# then runs it. Usage (from a launcher): launch MODULE "$@"
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Builds MODULE's jar when it is missing or older than the sources; prints its path.
built_jar() {
  local module="$1"
  local jar="$ROOT/$module/target/$module.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$ROOT" \( -path '*/src/main/*' -o -name pom.xml \) -newer "$jar" -not -path '*/target/*' -print -quit)" ]; then
    echo "building $module (first run or sources changed)..." >&2
    (cd "$ROOT" && ./mvnw -q -B -Dmaven.test.skip=true -pl "$module" -am package >&2)
  fi
  echo "$jar"
}

launch() {
  local module="$1"
  shift
  local jar
  jar="$(built_jar "$module")"
  # shellcheck disable=SC2086
  exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
}

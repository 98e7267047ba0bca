# Shared by the bin/ launchers (sourced, not run): where the repo and the build are, the Java 17
# module opens every Spark JVM needs, and building the jar when it is missing or stale.

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# The Spark line to build and run on (TIFA_SPARK, default the default build's 4.2_2.13): each line
# is a Maven profile (spark-LINE) building into a folder of its own, with that line's Spark jars.
readonly spark_lines="3.5_2.12 3.5_2.13 4.0_2.13 4.1_2.13 4.2_2.13"
spark_line="${TIFA_SPARK:-4.2_2.13}"
if [[ " $spark_lines " != *" $spark_line "* ]]; then
  echo "$(basename "$0"): TIFA_SPARK: no Spark line '$spark_line'; one of: $spark_lines" >&2
  exit 2
fi
scala_version="${spark_line#*_}"
if [ "$spark_line" = 4.2_2.13 ]; then
  target="$home/jobs/target"
else
  target="$home/jobs/target/spark-$spark_line"
fi
jar="$target/tifa-spark$spark_line.jar"

# The same list as spark.java.opens in pom.xml (Surefire and Failsafe use that one).
opens=(
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false
  -Dio.netty.tryReflectionSetAccessible=true
)

jar_is_stale() {
  [ ! -f "$jar" ] || [ ! -f "$target/classpath.txt" ] || [ ! -f "$target/spark-classpath.txt" ] && return 0
  [ -n "$(find "$home/pom.xml" "$home/jobs/pom.xml" "$home/jobs/src/main" "$home/conf" "$home/schemas" \
      -newer "$jar" -type f -print -quit 2>/dev/null)" ]
}

# $1: the name to prefix messages with.
ensure_built() {
  if jar_is_stale; then
    echo "$1: building the jar (first run or sources changed)..." >&2
    if ! (cd "$home" && ./mvnw -q -B -DskipTests -P"spark-$spark_line" package >&2); then
      echo "$1: the build failed; see the Maven output above" >&2
      exit 1
    fi
  fi
}

# The JIT for a short run. The optimizing compiler (C2) pays for itself only on long runs, so below
# the limits here C1 alone is used (figures in docs/performance.md, "JIT of short runs").
# Prints -XX:TieredStopAtLevel=1 when the command reads less than its limit of local data: run
# 64 MiB of input (gzip and bzip2 files count four times their size), compare and report 8 MiB of
# snapshots. Prints nothing for other commands, remote or missing paths. $@: tifa's arguments.
short_run_jit() {
  local command="${1:-}" limit
  local -a options=() paths=()
  case "$command" in
    run) limit=$((64 << 20)); options=(--input) ;;
    compare) limit=$((8 << 20)); options=(--base --target) ;;
    report) limit=$((8 << 20)); options=(--snapshot --compare-with) ;;
    *) return 0 ;;
  esac
  shift
  local arg taking="" name
  for arg in "$@"; do
    case "$arg" in
      --*=*)
        taking=""
        name="${arg%%=*}"
        [[ " ${options[*]} " == *" $name "* ]] && paths+=("${arg#*=}")
        ;;
      -*)
        taking=""
        [[ " ${options[*]} " == *" $arg "* ]] && taking=1
        ;;
      *)
        [ -n "$taking" ] && paths+=("$arg")
        ;;
    esac
  done
  if [ "${#paths[@]}" -eq 0 ]; then
    # run without --input reads the bundled sample; compare and report need their paths.
    [ "$command" = run ] && echo "-XX:TieredStopAtLevel=1"
    return 0
  fi
  local -a files=()
  local p match
  for p in "${paths[@]}"; do
    p="${p#file://}"
    p="${p#file:}"
    [[ "$p" == *://* ]] && return 0
    local found=0
    while IFS= read -r match; do
      [ -e "$match" ] && files+=("$match") && found=1
    done < <(compgen -G "$p" || true)
    [ "$found" -eq 1 ] || return 0
  done
  local total
  total=$({ find -L "${files[@]}" -type f -printf '%s %f\n' 2>/dev/null || true; } |
    awk '{ n = $1; if ($NF ~ /\.(gz|bz2)$/) n *= 4; t += n } END { printf "%d", t }')
  [ "${total:-0}" -lt "$limit" ] && echo "-XX:TieredStopAtLevel=1"
  return 0
}

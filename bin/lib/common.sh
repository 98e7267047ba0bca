# Shared by the bin/ launchers (sourced, not run): where the repo and the build are, the Java 17
# module opens every Spark JVM needs, and building the jar when it is missing or stale.

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target="$home/jobs/target"
jar="$target/tifa.jar"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

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
    if ! (cd "$home" && ./mvnw -q -B -DskipTests package >&2); then
      echo "$1: the build failed; see the Maven output above" >&2
      exit 1
    fi
  fi
}

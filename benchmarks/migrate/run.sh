#!/usr/bin/env bash
# The migrate benchmark: 1,000 small migrations applied to a fresh empty database by Shale's Migrator and,
# in the same run, by Flyway, R times each. Prints the median total and per-migration wall time of both as
# a Markdown table (see README.md in this folder).
#
#   benchmarks/migrate/run.sh [-n COUNT] [-r RUNS] [-u ADMIN_JDBC_URL]
#
#   -n COUNT  migrations (default 1000)
#   -r RUNS   timed runs per tool, after one untimed warm-up run each (default 5)
#   -u URL    JDBC URL of a database to create the benchmark databases from
#             (default jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres)
#
# It compiles the migrator (mvn -o, no install), fetches Flyway and the PostgreSQL driver from Maven
# Central into benchmarks/work/migrate/lib (a throwaway pom there, outside the project build), then runs
# MigrateBench.java as a single-file program. Set FLYWAY_VERSION to compare another Flyway (default 10.22.0).
set -euo pipefail

count=1000
runs=5
admin_url="jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"
while getopts "n:r:u:h" opt; do
  case "$opt" in
    n) count="$OPTARG" ;;
    r) runs="$OPTARG" ;;
    u) admin_url="$OPTARG" ;;
    *) sed -n '2,15p' "$0"; exit 2 ;;
  esac
done
for v in "$count" "$runs"; do
  if ! [[ "$v" =~ ^[1-9][0-9]*$ ]]; then
    echo "run.sh: -n and -r take a positive whole number, got '$v'" >&2
    exit 2
  fi
done

root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$root/benchmarks/work/migrate"
flyway_version="${FLYWAY_VERSION:-10.22.0}"
pg_version="$(sed -n 's:.*<postgresql.version>\(.*\)</postgresql.version>.*:\1:p' "$root/pom.xml")"
mkdir -p "$work"

echo "run.sh: compiling the migrator" >&2
(cd "$root" && mvn -q -B -o -pl migrator compile)

lib="$work/lib"
if ! [ -f "$lib/flyway-core-$flyway_version.jar" ] || ! [ -f "$lib/postgresql-$pg_version.jar" ]; then
  echo "run.sh: fetching Flyway $flyway_version and PostgreSQL JDBC $pg_version into $lib" >&2
  rm -rf "$lib"
  cat >"$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>migrate-bench-deps</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.flywaydb</groupId><artifactId>flyway-core</artifactId><version>$flyway_version</version></dependency>
    <dependency><groupId>org.flywaydb</groupId><artifactId>flyway-database-postgresql</artifactId><version>$flyway_version</version></dependency>
    <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>$pg_version</version></dependency>
  </dependencies>
</project>
POM
  mvn -q -B -f "$work/pom.xml" dependency:copy-dependencies -DoutputDirectory="$lib"
fi

cd "$root"
exec java -cp "migrator/target/classes:$lib/*" benchmarks/migrate/MigrateBench.java \
  --count "$count" --runs "$runs" --admin-url "$admin_url" --work "$work"

#!/usr/bin/env bash
# Shale next to its peers, on the synthetic schema of benchmarks/SyntheticSchema.java, in one run:
#   generate (from sources, from compiled classes, after a one-column change)  vs drizzle-kit generate
#   push onto an empty database, push with nothing changed, pull               vs drizzle-kit push / pull
#   migrate N one-table files onto an empty database                          vs Flyway, and psql (the floor)
#   migrate of Shale's own generated first migration (the SQL push runs)      vs psql
#   push onto an empty database                                               vs migrate of the same SQL
#   the first push with nothing changed                                       vs pull, alternating
# Every figure is a whole process (JVM or Node start-up included), timed by GNU time; each pair runs
# alternately (Shale first on odd runs, the peer first on even runs), and the script prints the median of
# each and the ratio Shale / peer as a Markdown table. A script, not a test: it fails only when a tool fails.
# Needs Java 17, Maven, Node 18+ with npm, psql and PostgreSQL on 127.0.0.1:5432 (user postgres, trust);
# creates and drops databases named shale_bench_peers_*.
#
#   benchmarks/peers/run.sh [-n "100 1000"] [-r RUNS] [-s SLOW_RUNS] [-S SLOW_N] [-b REV]
#
#   -n SIZES      table counts (default "100 1000")
#   -r RUNS       timed runs of each tool per case (default 3)
#   -s SLOW_RUNS  runs of drizzle-kit's slow steps (push with nothing changed, pull) at N >= SLOW_N
#                 (default 1); below SLOW_N they get RUNS
#   -S SLOW_N     from which N the slow steps get SLOW_RUNS (default 1000)
#   -b REV        also time pull of Shale as it was at git revision REV (exported with git archive into
#                 benchmarks/work/baseline-<commit> and built there by its own launcher), RUNS times alternating
#                 with this build: a same-run figure for "faster than before"
#
# drizzle-kit, drizzle-orm and pg are installed from npm with pinned versions into benchmarks/work/peers/node
# (gitignored); set DRIZZLE_KIT_VERSION, DRIZZLE_ORM_VERSION, PG_VERSION to compare others. Flyway comes from
# Maven Central into benchmarks/work/migrate/lib, as benchmarks/migrate/run.sh does (FLYWAY_VERSION).
set -euo pipefail

sizes="100 1000"
runs=3
slow_runs=1
slow_n=1000
baseline_rev=""
while getopts "n:r:s:S:b:h" opt; do
  case "$opt" in
    n) sizes="$OPTARG" ;;
    r) runs="$OPTARG" ;;
    s) slow_runs="$OPTARG" ;;
    S) slow_n="$OPTARG" ;;
    b) baseline_rev="$OPTARG" ;;
    *) sed -n '2,28p' "$0"; exit 2 ;;
  esac
done
for v in "$runs" "$slow_runs" "$slow_n" $sizes; do
  if ! [[ "$v" =~ ^[1-9][0-9]*$ ]]; then
    echo "run.sh: -n, -r, -s and -S take positive whole numbers, got '$v'" >&2
    exit 2
  fi
done

root="$(cd "$(dirname "$0")/../.." && pwd)"
shale="${SHALE:-$root/shale}"
work="$root/benchmarks/work/peers"
node_dir="$work/node"
timer=/usr/bin/time
psql=(psql -h 127.0.0.1 -U postgres -qAt -v ON_ERROR_STOP=1)
dk_version="${DRIZZLE_KIT_VERSION:-0.31.4}"
do_version="${DRIZZLE_ORM_VERSION:-0.44.5}"
pg_js_version="${PG_VERSION:-8.16.3}"
flyway_version="${FLYWAY_VERSION:-10.22.0}"
pg_jdbc_version="$(sed -n 's:.*<postgresql.version>\(.*\)</postgresql.version>.*:\1:p' "$root/pom.xml")"

mkdir -p "$work"
rm -rf "$work"/n[0-9]* "$work"/runs && mkdir -p "$work/runs"

# --- the earlier build (-b) ----------------------------------------------------------------------------
base_shale=""
if [[ -n "$baseline_rev" ]]; then
  if ! base_commit="$(git -C "$root" rev-parse --verify --quiet "$baseline_rev^{commit}")"; then
    echo "run.sh: -b $baseline_rev is not a commit of $root; pass a revision git knows (a hash, tag or branch)" >&2
    exit 2
  fi
  base_dir="$root/benchmarks/work/baseline-${base_commit:0:12}"
  if ! [[ -x "$base_dir/shale" ]]; then
    rm -rf "$base_dir.tmp" && mkdir -p "$base_dir.tmp"
    git -C "$root" archive "$base_commit" | tar -x -C "$base_dir.tmp"
    mv "$base_dir.tmp" "$base_dir"
  fi
  base_shale="$base_dir/shale"
  "$base_shale" --version >/dev/null   # builds it (untimed)
fi

# --- the peers ------------------------------------------------------------------------------------------
if ! [ -f "$node_dir/node_modules/drizzle-kit/package.json" ] \
    || [ "$(node -p "require('$node_dir/node_modules/drizzle-kit/package.json').version")" != "$dk_version" ]; then
  echo "run.sh: installing drizzle-kit $dk_version, drizzle-orm $do_version, pg $pg_js_version into $node_dir" >&2
  rm -rf "$node_dir" && mkdir -p "$node_dir"
  printf '{ "name": "shale-peers-bench", "private": true, "version": "1.0.0" }\n' >"$node_dir/package.json"
  (cd "$node_dir" && npm install --no-audit --no-fund --save-exact \
    "drizzle-kit@$dk_version" "drizzle-orm@$do_version" "pg@$pg_js_version" >"$work/npm.log" 2>&1) \
    || { cat "$work/npm.log" >&2; exit 1; }
fi
drizzle=(node "$node_dir/node_modules/drizzle-kit/bin.cjs")

lib="$root/benchmarks/work/migrate/lib"
if ! [ -f "$lib/flyway-core-$flyway_version.jar" ] || ! [ -f "$lib/postgresql-$pg_jdbc_version.jar" ]; then
  echo "run.sh: fetching Flyway $flyway_version and PostgreSQL JDBC $pg_jdbc_version into $lib" >&2
  rm -rf "$lib" && mkdir -p "$lib"
  cat >"$root/benchmarks/work/migrate/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>migrate-bench-deps</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.flywaydb</groupId><artifactId>flyway-core</artifactId><version>$flyway_version</version></dependency>
    <dependency><groupId>org.flywaydb</groupId><artifactId>flyway-database-postgresql</artifactId><version>$flyway_version</version></dependency>
    <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>$pg_jdbc_version</version></dependency>
  </dependencies>
</project>
POM
  mvn -q -B -o -f "$root/benchmarks/work/migrate/pom.xml" dependency:copy-dependencies -DoutputDirectory="$lib" >/dev/null 2>&1 \
    || mvn -q -B -f "$root/benchmarks/work/migrate/pom.xml" dependency:copy-dependencies -DoutputDirectory="$lib" >&2
fi
mkdir -p "$work/flyway-classes"
javac -d "$work/flyway-classes" -cp "$lib/*" "$root/benchmarks/peers/FlywayMigrate.java"
flyway=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$work/flyway-classes:$lib/*" FlywayMigrate)

# The launcher's one-time work (building the CLI, recording its class-data-sharing archive) is not timed.
java "$root/benchmarks/SyntheticSchema.java" 3 "$work/warm" >/dev/null
(cd "$work/warm" && rm -rf migrations snapshots && "$shale" generate >/dev/null)
# Each command records its own archive on its first run: run each once on the 3-table project, untimed.
"${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS shale_bench_peers_warm WITH (FORCE)" -c "CREATE DATABASE shale_bench_peers_warm" 2>/dev/null
warm_url="jdbc:postgresql://127.0.0.1:5432/shale_bench_peers_warm?user=postgres"
(cd "$work/warm" && "$shale" migrate --url "$warm_url" >/dev/null && "$shale" push --url "$warm_url" >/dev/null \
  && rm -rf pulled && mkdir pulled && cd pulled && "$shale" pull --package bench.pulled --url "$warm_url" >/dev/null)
if [[ -n "$base_shale" ]]; then
  (cd "$work/warm" && rm -rf pulled && mkdir pulled && cd pulled && "$base_shale" pull --package bench.pulled --url "$warm_url" >/dev/null)
fi
"${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS shale_bench_peers_warm WITH (FORCE)" 2>/dev/null
dsl_classes="$root/schema-dsl/target/classes"

# --- helpers --------------------------------------------------------------------------------------------
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
fresh_db() { "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1" 2>/dev/null; }
drop_db() { "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" 2>/dev/null; }
jdbc() { echo "jdbc:postgresql://127.0.0.1:5432/$1?user=postgres"; }
pgurl() { echo "postgres://postgres@127.0.0.1:5432/$1"; }
# timed KEY DIR CMD...: runs CMD in DIR (stdin from /dev/null), appends "wall_s rss_mib" to runs/KEY.
timed() {
  local key="$1" dir="$2"; shift 2
  if ! (cd "$dir" && "$timer" -f '%e %M' -o "$work/time.txt" "$@" </dev/null >"$work/last.log" 2>&1); then
    echo "run.sh: failed in $dir: $*" >&2; cat "$work/last.log" >&2; exit 1
  fi
  awk '{ printf "%s %.0f\n", $1, $2 / 1024 }' "$work/time.txt" >>"$work/runs/$key"
}
expect_log() { grep -q "$1" "$work/last.log" || { echo "run.sh: expected '$1' in the output of $2:" >&2; cat "$work/last.log" >&2; exit 1; }; }
fig() { if [ -s "$work/runs/$1" ]; then cut -d' ' -f"$2" "$work/runs/$1" | median; else echo "-"; fi; }
count() { if [ -s "$work/runs/$1" ]; then wc -l <"$work/runs/$1" | tr -d ' '; else echo 0; fi; }
rows=()
# row N WORK SHALE_KEY PEER_NAME PEER_KEY: a table row with both medians and Shale / peer.
row() {
  local n="$1" what="$2" s="$3" peer="$4" p="$5"
  local sw pw ratio
  sw="$(fig "$s" 1)"; pw="$(fig "$p" 1)"
  ratio="$(awk -v a="$sw" -v b="$pw" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b }')"
  rows+=("| $n | $what | $sw | $(fig "$s" 2) | $peer | $pw | $(fig "$p" 2) | $ratio | $(count "$s")/$(count "$p") |")
  echo "${rows[-1]}" >&2
}
# pair R SHALE_FN PEER_FN: R runs of each, alternating which goes first.
pair() {
  local r="$1" a="$2" b="$3" i
  for i in $(seq "$r"); do
    if (( i % 2 )); then "$a" "$i"; "$b" "$i"; else "$b" "$i"; "$a" "$i"; fi
  done
}

echo "run.sh: load average $(cut -d' ' -f1-3 /proc/loadavg) at the start" >&2
for n in $sizes; do
  nd="$work/n$n"
  slow=$runs; if (( n >= slow_n )); then slow=$slow_runs; fi
  # The projects: Shale's DSL sources, the same sources compiled, drizzle's schema.ts; each also changed.
  java "$root/benchmarks/SyntheticSchema.java" "$n" "$nd/src" >/dev/null
  java "$root/benchmarks/SyntheticSchema.java" "$n" "$nd/drizzle" --drizzle >/dev/null
  ln -sfn "$node_dir/node_modules" "$nd/drizzle/node_modules"
  mkdir -p "$nd/classes/classes"
  javac -nowarn -d "$nd/classes/classes" -cp "$dsl_classes" $(find "$nd/src/src/main/java" -name '*.java')
  printf 'dialect = "postgresql"\n\n[schema]\nclasspath = ["classes"]\npackage = "bench.db"\n\n[output]\nmigrations = "migrations"\nsnapshots = "snapshots"\n' \
    >"$nd/classes/shale.toml"
  (cd "$nd/src" && "$shale" generate >/dev/null)     # the baseline for the change case and for migrate/push
  (cd "$nd/drizzle" && "${drizzle[@]}" generate --dialect postgresql --schema ./schema.ts --out ./out </dev/null >/dev/null)
  rm -rf "$nd/src-change" "$nd/drizzle-change"
  cp -r "$nd/src" "$nd/src-change" && java "$root/benchmarks/SyntheticSchema.java" "$n" "$nd/src-change" --change >/dev/null
  cp -r "$nd/drizzle" "$nd/drizzle-change" && java "$root/benchmarks/SyntheticSchema.java" "$n" "$nd/drizzle-change" --change --drizzle >/dev/null

  # generate from scratch, from sources: no snapshot and no compiled-class cache (.shale), so every file compiles.
  g_shale() { rm -rf "$nd/t" && cp -r "$nd/src" "$nd/t" && rm -rf "$nd/t/migrations" "$nd/t/snapshots" "$nd/t/.shale"
              timed "n$n-gen-shale" "$nd/t" "$shale" generate; expect_log "0000_" "shale generate"; }
  g_dk()    { rm -rf "$nd/d" && mkdir -p "$nd/d" && cp "$nd/drizzle/schema.ts" "$nd/d/" && ln -s "$node_dir/node_modules" "$nd/d/node_modules"
              timed "n$n-gen-dk" "$nd/d" "${drizzle[@]}" generate --dialect postgresql --schema ./schema.ts --out ./out
              expect_log "migration file" "drizzle-kit generate"; }
  pair "$runs" g_shale g_dk
  row "$n" "generate from scratch, from sources" "n$n-gen-shale" "drizzle-kit" "n$n-gen-dk"

  # the same, with the class cache an earlier generate of these sources left in .shale/classes (no snapshot).
  gk_shale() { rm -rf "$nd/t" && cp -r "$nd/src" "$nd/t" && rm -rf "$nd/t/migrations" "$nd/t/snapshots"
               timed "n$n-genk-shale" "$nd/t" "$shale" generate; expect_log "0000_" "shale generate (class cache)"; }
  pair "$runs" gk_shale g_dk
  row "$n" "generate from scratch, from sources, classes cached" "n$n-genk-shale" "drizzle-kit" "n$n-gen-dk"

  # generate from scratch, from compiled classes (Shale only; drizzle-kit always reads its .ts).
  c_shale() { rm -rf "$nd/c" && cp -r "$nd/classes" "$nd/c"
              timed "n$n-genc-shale" "$nd/c" "$shale" generate; expect_log "0000_" "shale generate (classes)"; }
  pair "$runs" c_shale g_dk
  row "$n" "generate from scratch, from compiled classes" "n$n-genc-shale" "drizzle-kit" "n$n-gen-dk"

  # generate after a one-column change (a snapshot exists).
  ch_shale() { rm -rf "$nd/t" && cp -r "$nd/src-change" "$nd/t"
               timed "n$n-change-shale" "$nd/t" "$shale" generate; expect_log "0001_" "shale generate (change)"; }
  ch_dk()    { rm -rf "$nd/d" && cp -r "$nd/drizzle-change" "$nd/d"
               timed "n$n-change-dk" "$nd/d" "${drizzle[@]}" generate --dialect postgresql --schema ./schema.ts --out ./out
               expect_log "migration file" "drizzle-kit generate (change)"; }
  pair "$runs" ch_shale ch_dk
  row "$n" "generate after a one-column change, from sources" "n$n-change-shale" "drizzle-kit" "n$n-change-dk"

  # push onto an empty database, then push with nothing changed onto the result.
  db="shale_bench_peers_$n"
  p_shale() { fresh_db "${db}_s$1"; timed "n$n-push-shale" "$nd/src" "$shale" push --force --url "$(jdbc "${db}_s$1")"; }
  p_dk()    { fresh_db "${db}_d$1"; timed "n$n-push-dk" "$nd/drizzle" "${drizzle[@]}" push --dialect postgresql --schema ./schema.ts --url "$(pgurl "${db}_d$1")" --force
              expect_log "Changes applied" "drizzle-kit push"; }
  pair "$runs" p_shale p_dk
  row "$n" "push onto an empty database" "n$n-push-shale" "drizzle-kit" "n$n-push-dk"
  np_shale() { timed "n$n-noop-shale" "$nd/src" "$shale" push --url "$(jdbc "${db}_s1")"; }
  np_dk()    { timed "n$n-noop-dk" "$nd/drizzle" "${drizzle[@]}" push --dialect postgresql --schema ./schema.ts --url "$(pgurl "${db}_d1")" --force
               expect_log "No changes detected" "drizzle-kit push (nothing changed)"; }
  pair "$slow" np_shale np_dk
  row "$n" "push with nothing changed" "n$n-noop-shale" "drizzle-kit" "n$n-noop-dk"
  # Shale's first comparison kept the code's canonical form in the project (.shale/canonical): again, it reads
  # it instead of building the schema on the server. drizzle-kit keeps nothing, so its figure is the one above.
  np2_shale() { timed "n$n-noop2-shale" "$nd/src" "$shale" push --url "$(jdbc "${db}_s1")"; }
  for i in $(seq "$runs"); do np2_shale "$i"; done
  row "$n" "push with nothing changed, again (canonical form kept)" "n$n-noop2-shale" "drizzle-kit" "n$n-noop-dk"

  # pull: both read the same database, the one Shale's push built.
  pl_shale() { rm -rf "$nd/pulled-s" && mkdir -p "$nd/pulled-s"
               timed "n$n-pull-shale" "$nd/pulled-s" "$shale" pull --package bench.pulled --url "$(jdbc "${db}_s1")"; }
  pl_dk()    { rm -rf "$nd/pulled-d" && mkdir -p "$nd/pulled-d"
               timed "n$n-pull-dk" "$nd/pulled-d" "${drizzle[@]}" pull --dialect postgresql --url "$(pgurl "${db}_s1")" --out ./out
               expect_log "schema file is ready" "drizzle-kit pull"; }
  pair "$slow" pl_shale pl_dk
  row "$n" "pull" "n$n-pull-shale" "drizzle-kit" "n$n-pull-dk"
  row "$n" "push with nothing changed, against Shale's own pull" "n$n-noop-shale" "shale pull" "n$n-pull-shale"
  row "$n" "push with nothing changed, again, against Shale's own pull" "n$n-noop2-shale" "shale pull" "n$n-pull-shale"
  if [[ -n "$base_shale" ]]; then
    plb_shale() { rm -rf "$nd/pulled-s" && mkdir -p "$nd/pulled-s"
                  timed "n$n-pullb-shale" "$nd/pulled-s" "$shale" pull --package bench.pulled --url "$(jdbc "${db}_s1")"; }
    plb_base()  { rm -rf "$nd/pulled-b" && mkdir -p "$nd/pulled-b"
                  timed "n$n-pull-base" "$nd/pulled-b" "$base_shale" pull --package bench.pulled --url "$(jdbc "${db}_s1")"; }
    pair "$runs" plb_shale plb_base
    row "$n" "pull" "n$n-pullb-shale" "Shale at ${base_commit:0:7}" "n$n-pull-base"
  fi
  # The first push with nothing changed against pull, alternating, RUNS times each: at N >= SLOW_N the rows above
  # have one run of each, taken minutes apart (drizzle-kit's slow steps between them). Each push runs in a copy of
  # the project without its kept canonical forms (.shale/canonical), so each is a first comparison.
  fp_shale() { rm -rf "$nd/fp" && cp -r "$nd/src" "$nd/fp" && rm -rf "$nd/fp/.shale/canonical"
               timed "n$n-noopf-shale" "$nd/fp" "$shale" push --url "$(jdbc "${db}_s1")"
               expect_log "nothing to do" "shale push (nothing changed)"; }
  fp_pull()  { rm -rf "$nd/pulled-s" && mkdir -p "$nd/pulled-s"
               timed "n$n-pullf-shale" "$nd/pulled-s" "$shale" pull --package bench.pulled --url "$(jdbc "${db}_s1")"; }
  pair "$runs" fp_shale fp_pull
  row "$n" "push with nothing changed, first comparison, against pull, alternating" "n$n-noopf-shale" "shale pull" "n$n-pullf-shale"
  rm -rf "$nd/fp"
  for i in $(seq "$runs"); do drop_db "${db}_s$i"; drop_db "${db}_d$i"; done

  # migrate N one-table files (benchmarks/migrate's SQL) onto an empty database: Shale, Flyway, psql.
  mf="$nd/mig"; rm -rf "$mf" && mkdir -p "$mf/shale/migrations" "$mf/flyway"
  printf 'dialect = "postgresql"\n\n[output]\nmigrations = "migrations"\nsnapshots = "snapshots"\n' >"$mf/shale/shale.toml"
  : >"$mf/floor.sql"
  for v in $(seq "$n"); do
    t="$(printf 't%04d' "$v")"
    printf 'CREATE TABLE "public"."%s" ("id" integer PRIMARY KEY, "note" text NOT NULL);\nINSERT INTO "public"."%s" ("id", "note") VALUES (1, '"'"'migration %d'"'"');\n' "$t" "$t" "$v" \
      | tee "$mf/shale/migrations/$(printf '%04d' "$v")_$t.sql" >"$mf/flyway/V${v}__$t.sql"
    printf 'BEGIN;\n\\i %s\nCOMMIT;\n' "$mf/flyway/V${v}__$t.sql" >>"$mf/floor.sql"
  done
  m_shale()  { fresh_db "${db}_m"; timed "n$n-mig-shale" "$mf/shale" "$shale" migrate --url "$(jdbc "${db}_m")"; }
  m_flyway() { fresh_db "${db}_m"; timed "n$n-mig-flyway" "$mf" "${flyway[@]}" "$(jdbc "${db}_m")" "$mf/flyway"
               expect_log "applied $n" "Flyway migrate"; }
  m_psql()   { fresh_db "${db}_m"; timed "n$n-mig-psql" "$mf" "${psql[@]}" -d "${db}_m" -f "$mf/floor.sql"; }
  pair "$runs" m_shale m_flyway
  pair "$runs" m_shale m_psql
  row "$n" "migrate $n one-table files onto an empty database" "n$n-mig-shale" "Flyway $flyway_version" "n$n-mig-flyway"
  row "$n" "migrate $n one-table files onto an empty database" "n$n-mig-shale" "psql, one transaction per file" "n$n-mig-psql"

  # migrate of the first migration Shale generates (what push onto an empty database runs) against psql.
  gm_shale() { fresh_db "${db}_m"; timed "n$n-gmig-shale" "$nd/src" "$shale" migrate --url "$(jdbc "${db}_m")"; }
  gm_psql()  { fresh_db "${db}_m"; timed "n$n-gmig-psql" "$nd/src" "${psql[@]}" -d "${db}_m" -1 -f "$(ls "$nd"/src/migrations/0000_*.sql | grep -v '\.down\.sql$')"; }
  pair "$runs" gm_shale gm_psql
  row "$n" "migrate the generated first migration onto an empty database" "n$n-gmig-shale" "psql, one transaction" "n$n-gmig-psql"
  # push onto an empty database against migrate of the same SQL (the plan push runs is the first migration),
  # alternating, each onto a fresh database: the server's time for that SQL drifts by a second from one part of
  # the run to another here, so the push row above and the migrate row cannot be divided.
  pe_shale() { fresh_db "${db}_m"; timed "n$n-pushm-shale" "$nd/src" "$shale" push --force --url "$(jdbc "${db}_m")"; }
  pe_mig()   { fresh_db "${db}_m"; timed "n$n-pushm-mig" "$nd/src" "$shale" migrate --url "$(jdbc "${db}_m")"; }
  pair "$runs" pe_shale pe_mig
  row "$n" "push onto an empty database, against migrate of the same SQL" "n$n-pushm-shale" "shale migrate" "n$n-pushm-mig"
  drop_db "${db}_m"
done
echo "run.sh: load average $(cut -d' ' -f1-3 /proc/loadavg) at the end" >&2

echo "| N | work | Shale (s) | Shale peak RSS (MiB) | peer | peer (s) | peer peak RSS (MiB) | Shale / peer | runs |"
echo "|---:|---|---:|---:|---|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "drizzle-kit $dk_version (drizzle-orm $do_version, pg $pg_js_version), Flyway $flyway_version; whole-process medians; raw figures in $work/runs/."

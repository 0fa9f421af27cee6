#!/usr/bin/env bash
# The live-database side on the synthetic schema of benchmarks/SyntheticSchema.java (the same shape as
# the generate benchmark): for each N, build a database with `shale migrate`, then time
#   - introspection alone (Introspector.read in a warm JVM; median of R reads) and its query count,
#   - `shale pull` of that database into a fresh folder,
#   - `shale push` of the schema code onto an empty database, and a second, no-op `push`.
# Wall time and peak RSS of each command from GNU time, medians of R runs. Needs PostgreSQL on
# 127.0.0.1:5432 (user postgres, trust); creates and drops databases named shale_bench_live_*.
#
#   benchmarks/live/run.sh [-r RUNS] [-n "100 1000"]
set -euo pipefail
runs=5
sizes="100 1000"
while getopts "r:n:h" opt; do
  case "$opt" in
    r) runs="$OPTARG" ;;
    n) sizes="$OPTARG" ;;
    *) sed -n '2,10p' "$0"; exit 2 ;;
  esac
done
root="$(cd "$(dirname "$0")/../.." && pwd)"
shale="$root/shale"
work="$root/benchmarks/work/live"
timer=/usr/bin/time
psql=(psql -h 127.0.0.1 -U postgres -qAt)
rm -rf "$work" && mkdir -p "$work"
"$shale" --help >/dev/null
classpath="$(cat "$root/generator-cli/target/shale-launcher.classpath")"

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
fresh_db() { "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1" 2>/dev/null; }
url() { echo "jdbc:postgresql://127.0.0.1:5432/$1?user=postgres"; }
# timed CASEFILE DIR CMD...: runs CMD in DIR, appends "wall_s rss_mib" to CASEFILE.
timed() {
  local out="$1" dir="$2"; shift 2
  if ! (cd "$dir" && "$timer" -f '%e %M' -o "$work/time.txt" "$@" >"$work/last.log" 2>&1); then
    echo "run.sh: failed in $dir: $*" >&2; cat "$work/last.log" >&2; exit 1
  fi
  awk '{ printf "%s %.0f\n", $1, $2 / 1024 }' "$work/time.txt" >>"$out"
}

echo "| N | what | wall time (s) | peak RSS (MiB) | runs |"
echo "|---:|---|---:|---:|---:|"
for n in $sizes; do
  project="$work/n$n"
  java "$root/benchmarks/SyntheticSchema.java" "$n" "$project" >/dev/null
  (cd "$project" && "$shale" generate >/dev/null)
  db="shale_bench_live_$n"
  fresh_db "$db"
  (cd "$project" && "$shale" migrate --url "$(url "$db")" >/dev/null)

  line=$("$timer" -f '%M' -o "$work/introspect-rss.txt" java -cp "$classpath" -Dorg.jooq.no-logo=true \
    "$root/benchmarks/live/IntrospectBench.java" "$(url "$db")" "$runs")
  rss=$(awk '{ printf "%.0f", $1 / 1024 }' "$work/introspect-rss.txt")
  echo "| $n | introspection, in a warm JVM ($line) | $(echo "$line" | sed 's/.*introspect_ms=\([0-9]*\).*/\1/' | awk '{ printf "%.3f", $1 / 1000 }') | $rss (whole JVM, incl. compiling the bench) | $runs |"

  if "$shale" help pull >/dev/null 2>&1; then
    : >"$work/pull.txt"
    for _ in $(seq "$runs"); do
      rm -rf "$work/pulled" && mkdir -p "$work/pulled"
      timed "$work/pull.txt" "$work/pulled" "$shale" pull --package bench.pulled --url "$(url "$db")"
    done
    echo "| $n | \`shale pull\` | $(cut -d' ' -f1 "$work/pull.txt" | median) | $(cut -d' ' -f2 "$work/pull.txt" | median) | $runs |"
  fi
  if "$shale" help push >/dev/null 2>&1; then
    : >"$work/push.txt"; : >"$work/noop.txt"
    for _ in $(seq "$runs"); do
      fresh_db "${db}_push"
      timed "$work/push.txt" "$project" "$shale" push --force --url "$(url "${db}_push")"
      timed "$work/noop.txt" "$project" "$shale" push --url "$(url "${db}_push")"
    done
    echo "| $n | \`shale push\` onto an empty database | $(cut -d' ' -f1 "$work/push.txt" | median) | $(cut -d' ' -f2 "$work/push.txt" | median) | $runs |"
    echo "| $n | \`shale push\` with nothing to do | $(cut -d' ' -f1 "$work/noop.txt" | median) | $(cut -d' ' -f2 "$work/noop.txt" | median) | $runs |"
    "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS ${db}_push WITH (FORCE)"
  fi
  "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
done

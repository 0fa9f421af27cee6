#!/usr/bin/env bash
# Times `shale generate` on the synthetic schema (benchmarks/SyntheticSchema.java) for N = 100 and 1000:
# from scratch (no snapshot) and after a one-column change (snapshot exists). Prints a Markdown table of
# medians over R runs: wall time, CPU time (user + system) and peak RSS of the whole command, and, from
# `generate --verbose`, the time inside the JVM and the part of it spent compiling the schema sources.
# CPU time varies less than wall time when other work shares the machine.
#
#   benchmarks/run.sh [-r RUNS] [-n "100 1000"] [-c]
#
#   -r RUNS  runs per case (default 5)
#   -n SIZES the table counts (default "100 1000")
#   -c       also time compile + model build alone with benchmarks/CompileTime.java (done anyway when
#            the CLI prints no compile time)
#
# Every run works in a fresh copy of the project under benchmarks/work/ (gitignored).
# Wall time, CPU time and peak RSS come from GNU time (/usr/bin/time -f '%e %M %U %S'); %M is the largest
# resident set of the timed process tree, in KiB, which for the launcher is the JVM.
set -euo pipefail

runs=5
sizes="100 1000"
compile_alone=0
while getopts "r:n:ch" opt; do
  case "$opt" in
    r) runs="$OPTARG" ;;
    n) sizes="$OPTARG" ;;
    c) compile_alone=1 ;;
    *) sed -n '2,17p' "$0"; exit 2 ;;
  esac
done
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "run.sh: -r takes a positive whole number, got '$runs'" >&2
  exit 2
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/benchmarks/work"
shale="${SHALE:-$root/shale}"
timer=/usr/bin/time
if ! [ -x "$timer" ] || ! "$timer" -f '%e %M' -o /dev/null true 2>/dev/null; then
  echo "run.sh: GNU time is needed at /usr/bin/time (apt-get install time)" >&2
  exit 1
fi
if ! [ -x "$shale" ]; then
  echo "run.sh: no launcher at $shale; build the CLI first or set SHALE=/path/to/shale" >&2
  exit 1
fi

rm -rf "$work"
mkdir -p "$work"

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# time_generate DIR CASEFILE: runs `shale generate --verbose` in DIR and appends
# "wall_s rss_kib jvm_ms compile_ms cpu_s" to CASEFILE (a dash where the CLI printed no figure).
time_generate() {
  local dir="$1" out="$2" log="$work/last.log" jvm compile wall rss user sys
  if ! (cd "$dir" && "$timer" -f '%e %M %U %S' -o "$work/time.txt" "$shale" generate --verbose >"$log" 2>&1); then
    echo "run.sh: shale generate failed in $dir:" >&2
    cat "$log" >&2
    exit 1
  fi
  jvm=$(sed -n 's/^done in \([0-9]*\) ms$/\1/p' "$log" | tail -n 1)
  compile=$(sed -n 's/.*compiled in memory in \([0-9]*\) ms.*/\1/p' "$log" | tail -n 1)
  read -r wall rss user sys < <(tail -n 1 "$work/time.txt")
  echo "$wall $rss ${jvm:--} ${compile:--} $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')" >>"$out"
}

# expect_files DIR COUNT: the run must have written COUNT migrations.
expect_files() {
  local got
  got=$(find "$1/migrations" -maxdepth 1 -name '[0-9][0-9][0-9][0-9]_*.sql' ! -name '*.down.sql' | wc -l)
  if [ "$got" -ne "$2" ]; then
    echo "run.sh: expected $2 migration(s) in $1/migrations, found $got" >&2
    exit 1
  fi
}

# column K of FILE, numbers only, median.
med() { cut -d' ' -f"$1" "$2" | grep -E '^[0-9.]+$' | median; }
ms_to_s() { awk '{ if ($1 == "-") print "-"; else printf "%.2f", $1 / 1000 }'; }

# Build the CLI if needed (the launcher does) and let its one-time work happen before any timing:
# the first `generate` records the launcher's class-data-sharing archive.
"$shale" --help >/dev/null
java "$root/benchmarks/SyntheticSchema.java" 3 "$work/warmup"
time_generate "$work/warmup" "$work/warmup.txt"

results="$work/results.md"
{
  echo "| N | case | wall time (s) | CPU time (s) | peak RSS (MiB) | in the JVM (s) | of which compiling sources (s) | runs |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|"
} >"$results"
need_compile_alone=$compile_alone

for n in $sizes; do
  base="$work/n$n/base"
  java "$root/benchmarks/SyntheticSchema.java" "$n" "$base"

  # From scratch: no snapshots, no migrations.
  : >"$work/n$n-scratch.txt"
  for ((r = 1; r <= runs; r++)); do
    dir="$work/n$n/scratch-$r"
    rm -rf "$dir"; cp -r "$base" "$dir"
    time_generate "$dir" "$work/n$n-scratch.txt"
    expect_files "$dir" 1
  done

  # One-column change: start from a generated project, add the column, generate again.
  changed="$work/n$n/changed"
  rm -rf "$changed"; cp -r "$work/n$n/scratch-1" "$changed"
  java "$root/benchmarks/SyntheticSchema.java" "$n" "$changed" --change
  : >"$work/n$n-change.txt"
  for ((r = 1; r <= runs; r++)); do
    dir="$work/n$n/change-$r"
    rm -rf "$dir"; cp -r "$changed" "$dir"
    time_generate "$dir" "$work/n$n-change.txt"
    expect_files "$dir" 2
    if ! grep -q '"notes"' $(ls "$dir"/migrations/0001_*.sql | grep -v '\.down\.sql$'); then
      echo "run.sh: the one-column migration in $dir does not add column \"notes\":" >&2
      cat "$dir"/migrations/0001_*.sql >&2
      exit 1
    fi
  done

  for kase in scratch change; do
    f="$work/n$n-$kase.txt"
    label=$([ "$kase" = scratch ] && echo "from scratch" || echo "one-column change")
    wall=$(med 1 "$f")
    rss=$(med 2 "$f" | awk '{ printf "%.0f", $1 / 1024 }')
    jvm=$(med 3 "$f" | ms_to_s)
    compile=$(med 4 "$f" | ms_to_s)
    cpu=$(med 5 "$f")
    [ "$compile" = "-" ] && need_compile_alone=1
    echo "| $n | $label | $wall | $cpu | $rss | $jvm | $compile | $runs |" >>"$results"
  done
done

echo
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -n 1), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Medians of $runs runs; raw figures (wall_s rss_kib jvm_ms compile_ms cpu_s) in $work/n*-*.txt"
echo
cat "$results"

if [ "$need_compile_alone" = 1 ]; then
  # Compile + model build alone, in one fresh JVM per run (start-up not counted), for when the CLI
  # does not say how long compiling took.
  dsl_classes="$root/schema-dsl/target/classes"
  if ! [ -d "$dsl_classes/dev/shale/dsl" ]; then
    (cd "$root" && mvn -q -B -o -pl schema-dsl compile)
  fi
  echo
  echo "| N | compile sources alone (s) | load classes + build model (s) | runs |"
  echo "|---:|---:|---:|---:|"
  for n in $sizes; do
    f="$work/n$n-compile.txt"
    : >"$f"
    for ((r = 1; r <= runs; r++)); do
      java -cp "$dsl_classes" "$root/benchmarks/CompileTime.java" "$work/n$n/base" >>"$f"
    done
    cmed=$(sed 's/.*compile_s=\([0-9.]*\).*/\1/' "$f" | median)
    bmed=$(sed 's/.*build_s=\([0-9.]*\).*/\1/' "$f" | median)
    echo "| $n | $cmed | $bmed | $runs |"
  done
fi

#!/usr/bin/env bash
# Times `shale generate` on the synthetic schema (benchmarks/SyntheticSchema.java) for N = 100 and 1000:
# from scratch (no snapshot) and after a one-column change (snapshot exists). Prints a Markdown table of
# median wall time and median peak RSS over R runs, then how long compiling the schema sources and
# building the model take on their own (benchmarks/CompileTime.java, JVM start-up excluded).
#
#   benchmarks/run.sh [-r RUNS] [-n "100 1000"]
#
# Every run works in a fresh copy of the project under benchmarks/work/ (gitignored).
# Wall time and peak RSS come from GNU time (/usr/bin/time -f '%e %M'); %M is the largest resident set
# of the timed process tree, in KiB, which for the launcher is the JVM.
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

# Build the CLI (the launcher builds it when missing) and let any one-time launcher work happen
# now, outside the timed runs.
"$shale" --help >/dev/null 2>&1 || "$shale" --help >/dev/null

dsl_classes="$root/schema-dsl/target/classes"
if ! [ -d "$dsl_classes/dev/shale/dsl" ]; then
  (cd "$root" && mvn -q -B -o -pl schema-dsl compile)
fi

rm -rf "$work"
mkdir -p "$work"

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# time_generate DIR OUT: runs `shale generate` in DIR, appends "seconds kib" to OUT.
time_generate() {
  local dir="$1" out="$2" log="$work/last.log"
  if ! (cd "$dir" && "$timer" -f '%e %M' -o "$work/time.txt" "$shale" generate >"$log" 2>&1); then
    echo "run.sh: shale generate failed in $dir:" >&2
    cat "$log" >&2
    exit 1
  fi
  tail -n 1 "$work/time.txt" >>"$out"
}

# expect_files DIR COUNT: the run must have written COUNT migrations.
expect_files() {
  local got
  got=$(find "$1/migrations" -maxdepth 1 -name '[0-9][0-9][0-9][0-9]_*.sql' | wc -l)
  if [ "$got" -ne "$2" ]; then
    echo "run.sh: expected $2 migration(s) in $1/migrations, found $got" >&2
    exit 1
  fi
}

results="$work/results.md"
{
  echo "| N | case | median wall (s) | median peak RSS (MiB) | runs |"
  echo "|---:|---|---:|---:|---:|"
} >"$results"
compile_lines=""

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
    if ! grep -q '"notes"' "$dir"/migrations/0001_*.sql; then
      echo "run.sh: the one-column migration in $dir does not add column \"notes\":" >&2
      cat "$dir"/migrations/0001_*.sql >&2
      exit 1
    fi
  done
  for kase in scratch change; do
    label=$([ "$kase" = scratch ] && echo "from scratch" || echo "one-column change")
    wall=$(cut -d' ' -f1 "$work/n$n-$kase.txt" | median)
    rss=$(cut -d' ' -f2 "$work/n$n-$kase.txt" | median | awk '{ printf "%.0f", $1 / 1024 }')
    echo "| $n | $label | $wall | $rss | $runs |" >>"$results"
  done

  # The schema-loading part alone, in one fresh JVM per run (start-up not counted): compiling the
  # sources with the JDK compiler API, then loading them and building the model (CompileTime.java).
  : >"$work/n$n-compile.txt"
  for ((r = 1; r <= runs; r++)); do
    java -cp "$dsl_classes" "$root/benchmarks/CompileTime.java" "$base" >>"$work/n$n-compile.txt"
  done
  cmed=$(sed 's/.*compile_s=\([0-9.]*\).*/\1/' "$work/n$n-compile.txt" | median)
  bmed=$(sed 's/.*build_s=\([0-9.]*\).*/\1/' "$work/n$n-compile.txt" | median)
  compile_lines+="| $n | $cmed | $bmed | $runs |"$'\n'
done

echo
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -n 1), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
cat "$results"
echo
echo "| N | compile sources in memory (s) | load classes + build model (s) | runs |"
echo "|---:|---:|---:|---:|"
printf '%s' "$compile_lines"

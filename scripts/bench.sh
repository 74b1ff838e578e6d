#!/usr/bin/env bash
# Measures jixiao against the targets of BENCHMARKS.md, on this machine, in one sitting:
# the Go peers of ../shared/bench/anchors (one core), jixiao's Go benchmarks (one core), the
# end-to-end JSON Lines run against the bare decode floor (run in turns), a folder of 10,000
# TOML files and the bundled example. With valgrind installed it also counts instructions
# per operation, which the load of a shared machine does not disturb. Results go to stdout;
# raw files to $WORK (default /tmp/jixiao-bench). Takes ten minutes or so; needs python3 for
# the shared generator. Not part of CI.
#
#   scripts/bench.sh            # everything
#   N=20000 scripts/bench.sh    # a smaller stream
#   COUNT=0 scripts/bench.sh    # no instruction counts
set -euo pipefail
cd "$(dirname "$0")/.."
work=${WORK:-/tmp/jixiao-bench}
n=${N:-100000}
mkdir -p "$work/bin"
shared=../shared/bench
pin() { taskset -c 0 "$@"; }

echo "== machine"
uname -srm; nproc; grep -m1 'model name' /proc/cpuinfo || true; go version; date -u; cat /proc/loadavg

echo "== build"
go build -o "$work/jixiao" ./cmd/jixiao
go test -c -o "$work/rules.test" ./rules
go test -c -o "$work/engine.test" ./engine
(cd "$shared/jsonl-floor" && go build -o "$work/floor" .)
(cd "$shared/anchors/go" && go build -o "$work/bin/" ./cmd/...)
[ -s "$work/actuals.txt" ] || "$work/bin/gen" -n 1000000 -o "$work/actuals.txt"
[ -s "$work/projects-$n.jsonl" ] || python3 "$shared/gen_jsonl.py" "$n" "$work/projects-$n.jsonl"
ls -l "$work/projects-$n.jsonl"

echo "== the Go peers, one criterion, 1,000,000 values, pinned to one core (twice)"
for i in 1 2; do
  pin "$work/bin/plain" -in "$work/actuals.txt" -mode linear | grep RESULT
  for mode in ternary tiers; do
    pin "$work/bin/exprbench" -in "$work/actuals.txt" -mode "$mode" -env value | grep RESULT
  done
  pin "$work/bin/exprbench" -in "$work/actuals.txt" -mode tiers -env ptr | grep RESULT
done

echo "== Go benchmarks, one core"
(cd rules && pin "$work/rules.test" -test.run '^$' -test.bench 'EvalFastPath|EvalExprPath|Analyze' -test.benchmem -test.cpu 1 -test.count 3)
(cd engine && pin "$work/engine.test" -test.run '^$' -test.bench 'CheckProject|ScoreProject|StreamProject' -test.benchmem -test.cpu 1 -test.count 3)

if [ "${COUNT:-1}" != 0 ] && command -v valgrind > /dev/null; then
  echo "== instructions per operation (valgrind, no collector: the difference of two runs)"
  count() { GOGC=off GODEBUG=asyncpreemptoff=1 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$@" 2>&1 |
    grep 'I *refs' | sed 's/.*refs: *//; s/,//g'; }
  per() { # name, dir, binary, bench, a, b
    local x y; x=$(cd "$2" && count "$3" -test.run '^$' -test.bench "$4" -test.benchtime "$5x" -test.cpu 1)
    y=$(cd "$2" && count "$3" -test.run '^$' -test.bench "$4" -test.benchtime "$6x" -test.cpu 1)
    echo "$1: $(( (y - x) / ($6 - $5) )) instructions/op"
  }
  per CheckProject engine "$work/engine.test" CheckProject 2000 12000
  per ScoreProject engine "$work/engine.test" ScoreProject 2000 12000
  per StreamProject engine "$work/engine.test" StreamProject 1000 5000
  per EvalExprPath rules "$work/rules.test" EvalExprPath 200000 1200000
  per EvalFastPath rules "$work/rules.test" EvalFastPath 2000000 12000000
  head -100000 "$work/actuals.txt" > "$work/actuals-100k.txt"
  for mode in ternary tiers; do
    x=$(count "$work/bin/exprbench" -in "$work/actuals-100k.txt" -mode "$mode" -env value -passes 1)
    y=$(count "$work/bin/exprbench" -in "$work/actuals-100k.txt" -mode "$mode" -env value -passes 3)
    echo "peer expr $mode, env by value: $(( (y - x) / 200000 )) instructions/eval"
  done
fi

echo "== $n projects as JSON Lines: the floor (a bare encoding/json decode, one goroutine) and jixiao check --format jsonl --summary -, in turns (3 each)"
for i in 1 2 3; do
  /usr/bin/time -f 'floor:  %e s wall, %U s user, %M KiB peak RSS' "$work/floor" < "$work/projects-$n.jsonl" > /dev/null
  /usr/bin/time -f 'jixiao: %e s wall, %U s user, %S s sys, %M KiB peak RSS' "$work/jixiao" check --format jsonl --summary --quiet - \
    < "$work/projects-$n.jsonl" > "$work/out.jsonl" || [ $? -eq 1 ]
done
tail -c 300 "$work/out.jsonl"; echo

echo "== a folder of 10,000 TOML files"
if [ ! -d "$work/toml10k" ]; then "$work/jixiao" gen -n 10000 --format toml -o "$work/toml10k"; fi
for i in 1 2 3; do
  /usr/bin/time -f '%e s wall, %M KiB peak RSS' "$work/jixiao" check --format jsonl --quiet "$work/toml10k" > /dev/null || [ $? -eq 1 ]
done

echo "== the bundled example: jixiao check testdata/quangang-2021 (10 runs)"
for i in $(seq 10); do
  /usr/bin/time -f '%e s wall' "$work/jixiao" check testdata/quangang-2021 > /dev/null || [ $? -eq 1 ]
done
echo "== published reports, whole process: the seed report's text and the real PDF (10 runs each)"
for report in testdata/quangang-2021-report.txt ../shared/reports/2024-district-social-work-dept-final-accounts.pdf; do
  [ -f "$report" ] || continue
  for i in $(seq 10); do
    /usr/bin/time -f "$(basename "$report"): %e s wall, %M KiB peak RSS" "$work/jixiao" check "$report" > /dev/null || [ $? -eq 1 ]
  done
done
go test ./batch -run '^$' -bench CheckReport -benchtime 20x -count 3
cat /proc/loadavg

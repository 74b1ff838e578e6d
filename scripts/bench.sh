#!/usr/bin/env bash
# Measures jixiao against the targets of BENCHMARKS.md, on this machine, in one sitting:
# the Go benchmarks (one core), the end-to-end JSONL run against the naive decode floor,
# a folder of 10,000 TOML files, and the bundled example. Results go to stdout; raw files
# to $WORK (default /tmp/jixiao-bench). Takes a few minutes; needs python3 for the shared
# generator. Not part of CI.
#
#   scripts/bench.sh            # everything
#   N=20000 scripts/bench.sh    # a smaller stream
set -euo pipefail
cd "$(dirname "$0")/.."
work=${WORK:-/tmp/jixiao-bench}
n=${N:-100000}
mkdir -p "$work"
shared=../shared/bench

echo "== machine"
uname -srm; nproc; grep -m1 'model name' /proc/cpuinfo || true; go version; date -u

echo "== Go benchmarks (one core)"
go test ./rules ./engine -run '^$' -bench 'EvalFastPath|EvalExprPath|CheckProject|ScoreProject|Analyze' -benchmem -cpu 1 -count 3

echo "== build"
go build -o "$work/jixiao" ./cmd/jixiao
(cd "$shared/jsonl-floor" && go build -o "$work/floor" .)
if [ ! -s "$work/projects-$n.jsonl" ]; then
  python3 "$shared/gen_jsonl.py" "$n" "$work/projects-$n.jsonl"
fi
ls -l "$work/projects-$n.jsonl"

echo "== floor: a bare encoding/json decode of the stream, one goroutine (3 runs)"
for i in 1 2 3; do /usr/bin/time -f '%e s wall, %M KiB peak RSS' "$work/floor" < "$work/projects-$n.jsonl"; done

echo "== jixiao check --format jsonl --summary - (3 runs)"
for i in 1 2 3; do
  /usr/bin/time -f '%e s wall, %M KiB peak RSS' "$work/jixiao" check --format jsonl --summary --quiet - \
    < "$work/projects-$n.jsonl" > "$work/out.jsonl" || [ $? -eq 1 ]
done
tail -c 300 "$work/out.jsonl"; echo

echo "== a folder of 10,000 TOML files"
if [ ! -d "$work/toml10k" ]; then "$work/jixiao" gen -n 10000 -format toml -o "$work/toml10k"; fi
for i in 1 2 3; do
  /usr/bin/time -f '%e s wall, %M KiB peak RSS' "$work/jixiao" check --format jsonl --quiet "$work/toml10k" > /dev/null || [ $? -eq 1 ]
done

echo "== the bundled example: jixiao check testdata/quangang-2021 (10 runs)"
for i in $(seq 10); do
  /usr/bin/time -f '%e s wall' "$work/jixiao" check testdata/quangang-2021 > /dev/null || [ $? -eq 1 ]
done

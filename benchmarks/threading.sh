#!/usr/bin/env bash
# Speed-up of gvm-opt's multithreaded pass manager: the same function pipeline with and without
# --mlir-disable-threading, in alternating runs, on a file from gen-mlir.py.
#
#   benchmarks/threading.sh [--size-mb 10] [--runs 3] [--pipeline 'builtin.module(func.func(canonicalize,cse))']
#
# For each run it reads gvm-opt's --mlir-timing JSON report (written by Jackson) and takes the wall
# time of the nested pipeline (the part that runs on threads) and the process's total wall time.
# It prints the medians and the speed-ups (one thread / threaded), and checks that both modes
# print the same IR.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
SIZE=10; RUNS=3; PIPE='builtin.module(func.func(canonicalize,cse))'
while [ $# -gt 0 ]; do
  case "$1" in
    --size-mb) SIZE="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --pipeline) PIPE="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "threading.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
IN="$ROOT/benchmarks/out/bench-${SIZE}mb-s1.mlir"
mkdir -p "$ROOT/benchmarks/out"
[ -s "$IN" ] || python3 "$ROOT/benchmarks/gen-mlir.py" --size-mb "$SIZE" --seed 1 --out "$IN" >&2
GVM="$ROOT/bin/gvm-opt"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
"$GVM" "$IN" -p "$PIPE" -o "$TMP/threads.mlir"                             # warm-up, builds the jar
"$GVM" "$IN" -p "$PIPE" --mlir-disable-threading -o "$TMP/one.mlir"
cmp -s "$TMP/threads.mlir" "$TMP/one.mlir" || { echo "threading.sh: outputs differ between the two modes" >&2; exit 1; }
export GVM_NO_BUILD=1
echo "file: $IN ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
echo "pipeline: $PIPE   runs: $RUNS"
for i in $(seq 1 "$RUNS"); do
  for mode in threads one; do
    flag=""; [ "$mode" = one ] && flag="--mlir-disable-threading"
    s=$(date +%s.%N)
    "$GVM" "$IN" -p "$PIPE" $flag --mlir-timing --mlir-output-format=json -o /dev/null 2> "$TMP/t.json"
    e=$(date +%s.%N)
    python3 - "$TMP/t.json" "$mode" "$s" "$e" >> "$TMP/rows" <<'PY'
import json, sys
rep = json.load(open(sys.argv[1]))
pipe = next(r for r in rep if r.get("name", "").endswith("Pipeline"))
print(sys.argv[2], pipe["wall"]["duration"], float(sys.argv[4]) - float(sys.argv[3]))
PY
  done
done
python3 - "$TMP/rows" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
med = lambda mode, col: statistics.median(float(r[col]) for r in rows if r[0] == mode)
pt, po = med("threads", 1), med("one", 1)
wt, wo = med("threads", 2), med("one", 2)
print(f"{'mode':<10}{'pipeline wall(s)':>18}{'process wall(s)':>18}")
print(f"{'threads':<10}{pt:>18.3f}{wt:>18.2f}")
print(f"{'1 thread':<10}{po:>18.3f}{wo:>18.2f}")
print(f"speed-up: pipeline {po / pt:.2f}x, whole run {wo / wt:.2f}x")
PY

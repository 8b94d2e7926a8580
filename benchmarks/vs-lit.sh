#!/usr/bin/env bash
# Times bin/gvm-lit (gvm-opt and FileCheck in-process) against LLVM's lit with the real FileCheck
# and bin/gvm-opt on the same testsuite, alternating runs, and prints the ratio.
# Usage: benchmarks/vs-lit.sh [--runs N] [DIR]   (default: 3 runs over testsuite/)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs=3
[ "${1:-}" = "--runs" ] && { runs=$2; shift 2; }
dir="${1:-$root/testsuite}"
lit=/usr/lib/llvm-19/build/utils/lit/lit.py
[ -f "$lit" ] || { echo "vs-lit: $lit not found (apt-get install llvm-19-tools)"; exit 2; }
"$root/bin/gvm-opt" --version >/dev/null   # build the jar once, outside the timings
export GVM_NO_BUILD=1
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
g=(); l=()
for i in $(seq "$runs"); do
  s=$(date +%s.%N); "$root/bin/gvm-lit" -q "$dir" >/dev/null || true; e=$(date +%s.%N)
  g+=("$(echo "$e - $s" | bc)")
  s=$(date +%s.%N); python3 "$lit" -q "$dir" >/dev/null || true; e=$(date +%s.%N)
  l+=("$(echo "$e - $s" | bc)")
done
gm=$(printf '%s\n' "${g[@]}" | median); lm=$(printf '%s\n' "${l[@]}" | median)
echo "tests: $(find "$dir" -name '*.mlir' -not -path '*/target/*' -not -path '*/src/*' | wc -l) files"
echo "gvm-lit median: ${gm} s   LLVM lit + FileCheck + bin/gvm-opt median: ${lm} s"
echo "ratio gvm-lit / llvm-lit: $(echo "scale=3; $gm / $lm" | bc)"

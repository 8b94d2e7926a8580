#!/usr/bin/env bash
# Scale of gptvm-auto-shard (issue 9, acceptance 6): the ILP for a Llama-7B-shape model (dim 4096,
# 32 heads, ffn 11008, vocab 32000) on a 2x4 mesh, with 32 and with 80 layers. Repeated layers share
# one variable set, so the ILP is the same size for both and its solve time should not grow.
#
#   benchmarks/autoshard.sh [--runs 3] [--mesh 2x4] [--layers "32 80"]
#
# The models are imported with gvm-translate from header-only llama2.c checkpoints (sparse files:
# the importer reads the header, never the weights). For each run it reads the pass's JSON report
# (--gptvm-shard-report) and prints the ILP's size, the solve time (building the model and
# CP-SAT) and CP-SAT's own time; at the end the medians and the ratio of the largest to the
# smallest layer count.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
RUNS=3; MESH=2x4; LAYERS="32 80"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --mesh) MESH="$2"; shift 2 ;;
    --layers) LAYERS="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "autoshard.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
OUT="$ROOT/benchmarks/out/autoshard"
mkdir -p "$OUT"
for L in $LAYERS; do
  [ -s "$OUT/llama7b-$L.mlir" ] && continue
  python3 - "$OUT/llama7b-$L.bin" "$L" <<'PY'
import struct, sys
path, layers = sys.argv[1], int(sys.argv[2])
dim, hidden, heads, kv, vocab, seq = 4096, 11008, 32, 32, 32000, 2048
hs = dim // heads
floats = (vocab * dim + layers * dim + 2 * layers * dim * dim + 2 * layers * kv * hs * dim
          + layers * dim + 3 * layers * hidden * dim + dim + seq * hs)
with open(path, 'wb') as f:
    f.write(struct.pack('<7i', dim, hidden, layers, heads, kv, vocab, seq))
    f.truncate(28 + 4 * floats)
PY
  "$ROOT/bin/gvm-translate" --import-llama2c "$OUT/llama7b-$L.bin" -o "$OUT/llama7b-$L.mlir"
  rm -f "$OUT/llama7b-$L.bin"
done
printf '%-7s %-4s %-9s %-6s %-10s %-8s %-9s %-8s\n' layers run status nodes variables solve_s cp_sat_s wall_s
declare -A MED
for L in $LAYERS; do
  times=()
  for r in $(seq 1 "$RUNS"); do
    start=$(date +%s.%N)
    "$ROOT/bin/gvm-opt" "$OUT/llama7b-$L.mlir" -p "builtin.module(gptvm-auto-shard{mesh-shape=$MESH})" \
      --gptvm-shard-report="$OUT/report-$L.json" -o /dev/null
    wall=$(echo "$(date +%s.%N) - $start" | bc)
    read -r status nodes vars solve cpsat < <(python3 -c "
import json; s = json.load(open('$OUT/report-$L.json'))['solver']
print(s['status'], s['ilp_nodes'], s['variables'], '%.3f' % s['solve_seconds'], '%.3f' % s['cp_sat_seconds'])")
    printf '%-7s %-4s %-9s %-6s %-10s %-8s %-9s %-8.2f\n' "$L" "$r" "$status" "$nodes" "$vars" "$solve" "$cpsat" "$wall"
    times+=("$solve")
  done
  MED[$L]=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
done
first=$(echo $LAYERS | awk '{print $1}'); last=$(echo $LAYERS | awk '{print $NF}')
for L in $LAYERS; do echo "median solve time, $L layers: ${MED[$L]} s"; done
echo "ratio $last/$first layers: $(echo "scale=2; ${MED[$last]} / ${MED[$first]}" | bc)"

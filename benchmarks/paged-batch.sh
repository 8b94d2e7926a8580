#!/usr/bin/env bash
# Batched decode throughput of gvm-run --batch (continuous batching on the paged kv cache), issue 8.
#
#   benchmarks/paged-batch.sh [--config small] [--batches "1 16"] [--prompts 16] [--steps 64]
#                             [--page-size 16] [--runs 3] [--threads N] [--seed 7]
#
# Writes a random llama2.c checkpoint of CONFIG with ../shared/reference/make_llama2c_model.py (once,
# under benchmarks/out/paged/), imports it with bin/gvm-translate, writes PROMPTS short random prompts
# (1 to 8 ids after BOS), then runs `gvm-run --batch` over them, greedy, STEPS positions each, once
# per batch size B (at most B sequences at once), on the paged cache (kv-lower-to-paged with
# page-size P and pages enough for every prompt) and, for the largest B, on the logical cache too.
# Reports the median over RUNS of the decode throughput (tokens of decode steps per second of decode
# steps) and of the whole run (generated tokens over wall time), the ratio to batch 1, and the peak
# kv cache memory and mean waste gvm-run prints. Raw lines go to benchmarks/out/paged/last-run.tsv.
set -u -o pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
OUT="$ROOT/benchmarks/out/paged"
REF="${GVM_REFERENCE:-$ROOT/../shared/reference}"
CONFIG=small BATCHES="1 16" PROMPTS=16 STEPS=64 PAGE=16 RUNS=3 THREADS="$(nproc)" SEED=7

usage() { sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --config) CONFIG="$2"; shift 2 ;;
    --batches) BATCHES="$2"; shift 2 ;;
    --prompts) PROMPTS="$2"; shift 2 ;;
    --steps) STEPS="$2"; shift 2 ;;
    --page-size) PAGE="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "paged-batch: unknown argument '$1'" >&2; usage 2 ;;
  esac
done
die() { echo "paged-batch: $*" >&2; exit 2; }
[ -f "$REF/make_llama2c_model.py" ] || die "reference scripts not found under $REF (set GVM_REFERENCE)"
mkdir -p "$OUT"
ckpt="$OUT/$CONFIG-s$SEED.bin" mlir="$OUT/$CONFIG-s$SEED.mlir" prompts="$OUT/prompts-$PROMPTS-s$SEED.txt"
[ -f "$ckpt" ] || python3 "$REF/make_llama2c_model.py" --config "$CONFIG" --seed "$SEED" --out "$ckpt" >/dev/null || die "cannot make the $CONFIG checkpoint"
"$ROOT/bin/gvm-translate" --import-llama2c "$ckpt" -o "$mlir" || die "cannot import $ckpt"
vocab=$(python3 -c "import struct,sys; h=struct.unpack('7i', open(sys.argv[1],'rb').read(28)); print(abs(h[5]))" "$ckpt")
python3 - "$PROMPTS" "$vocab" "$SEED" > "$prompts" <<'PY'
import random, sys
n, vocab, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
r = random.Random(seed)
for _ in range(n):
    print(",".join(["1"] + [str(r.randint(2, vocab - 1)) for _ in range(r.randint(1, 8))]))
PY
pages=$(( PROMPTS * ((STEPS + PAGE - 1) / PAGE) ))
export GVM_NO_BUILD=1
median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
printf "cache\tbatch\trun\tdecode_tok_s\ttok_s\tpeak_mib\twaste_pct\n" > "$OUT/last-run.tsv"
largest=$(echo $BATCHES | tr ' ' '\n' | sort -n | tail -1)
run_one() { # cache batch run args...
  local cache="$1" b="$2" r="$3"; shift 3
  local line
  line=$("$ROOT/bin/gvm-run" "$mlir" --weights "$ckpt" --batch "$prompts" --max-batch "$b" --steps "$STEPS" --temperature 0 --threads "$THREADS" "$@" 2>&1 >/dev/null \
    | grep '^batch: [0-9]* tokens generated') || die "gvm-run failed ($cache, batch $b)"
  local dec tok mib waste
  dec=$(sed -n 's/.*(decode \([0-9.]*\) tokens\/s).*/\1/p' <<<"$line")
  tok=$(sed -n 's/.* s: \([0-9.]*\) tokens\/s .*/\1/p' <<<"$line")
  mib=$(sed -n 's/.*peak \([0-9.]*\) MiB.*/\1/p' <<<"$line")
  waste=$(sed -n 's/.*mean waste \([0-9.]*\)%.*/\1/p' <<<"$line")
  printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$cache" "$b" "$r" "$dec" "$tok" "$mib" "$waste" >> "$OUT/last-run.tsv"
}
for r in $(seq 1 "$RUNS"); do
  for b in $BATCHES; do run_one paged "$b" "$r" --page-size "$PAGE" --num-pages "$pages"; done
  run_one logical "$largest" "$r"
done
echo "paged-batch: $CONFIG, $PROMPTS prompts, $STEPS positions each, page size $PAGE ($pages pages), $THREADS threads, median of $RUNS runs (load: $(cut -d' ' -f1-3 /proc/loadavg))"
printf "%-8s %6s %14s %10s %9s %10s %8s\n" cache batch "decode tok/s" "vs batch 1" "tok/s" "peak MiB" "waste %"
base=""
for key in $(for b in $BATCHES; do echo "paged:$b"; done) "logical:$largest"; do
  cache=${key%%:*} b=${key##*:}
  sel() { awk -F'\t' -v c="$cache" -v b="$b" -v col="$1" 'NR>1 && $1==c && $2==b {print $col}' "$OUT/last-run.tsv" | median; }
  dec=$(sel 4) tok=$(sel 5) mib=$(sel 6) waste=$(sel 7)
  [ -z "$base" ] && base="$dec"
  printf "%-8s %6s %14s %10s %9s %10s %8s\n" "$cache" "$b" "$dec" "$(awk -v a="$dec" -v b="$base" 'BEGIN {printf "%.2fx", a / b}')" "$tok" "$mib" "$waste"
done

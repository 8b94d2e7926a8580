#!/usr/bin/env bash
# Race bin/gvm-run against karpathy/llama2.c's `run` on the same llama2.c checkpoints (decode, greedy).
#
#   benchmarks/vs-llama2c.sh --run PATH [--configs "small medium"] [--runs 3] [--steps 256]
#                            [--threads N] [--seed 7]
#
# --run is a llama2.c `run` binary built OUTSIDE this repository with its OpenMP target
# (e.g. `gcc -Ofast -fopenmp -march=native run.c -lm -o run`); nothing of llama2.c is kept here.
# Without --run (or GVM_LLAMA2C_RUN) the script says so and exits 0 (skipped).
# For each config it writes a random checkpoint with ../shared/reference/make_llama2c_model.py
# (once, under benchmarks/out/llama2c/), a tokenizer.bin, imports it with bin/gvm-translate, then
# alternates `run CKPT -t 0 -n STEPS -z TOK` (OMP_NUM_THREADS=N) and `gvm-run --prompt-ids 1
# --steps STEPS --temperature 0 --threads N`, both printing llama2.c's `achieved tok/s`
# (positions after the first over the time since the first). Prints median tok/s, the gvm/llama2.c
# ratio (target >= 1.0), and gvm-run's peak RSS against checkpoint + kv cache (target <= 1.3x).
# Raw runs go to benchmarks/out/llama2c/last-run.tsv.
set -u -o pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
OUT="$ROOT/benchmarks/out/llama2c"
REF="${GVM_REFERENCE:-$ROOT/../shared/reference}"
RUN="${GVM_LLAMA2C_RUN:-}"
CONFIGS="small medium"
RUNS=3
STEPS=256
THREADS="$(nproc)"
SEED=7

usage() { sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --run) RUN="$2"; shift 2 ;;
    --configs) CONFIGS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --steps) STEPS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "vs-llama2c: unknown argument '$1'" >&2; usage 2 ;;
  esac
done
die() { echo "vs-llama2c: $*" >&2; exit 2; }
if [ -z "$RUN" ]; then echo "vs-llama2c: skipped: no llama2.c run binary (give --run PATH or set GVM_LLAMA2C_RUN)"; exit 0; fi
[ -x "$RUN" ] || die "'$RUN' is not an executable"
[ -f "$REF/make_llama2c_model.py" ] || die "reference scripts not found under $REF (set GVM_REFERENCE)"
[ -x /usr/bin/time ] || die "/usr/bin/time (GNU time) is needed for peak RSS"
mkdir -p "$OUT"

median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
toks() { sed -n 's/.*achieved tok\/s: *\([0-9.]*\).*/\1/p' "$1" | tail -1; }

# Build once up front so that no run pays for it.
"$ROOT/bin/gvm-translate" --help >/dev/null 2>&1 || die "bin/gvm-translate does not start"
export GVM_NO_BUILD=1
printf "config\ttool\trun\ttok_s\trss_kib\n" > "$OUT/last-run.tsv"
status=0
for cfg in $CONFIGS; do
  ckpt="$OUT/$cfg-s$SEED.bin" tok="$OUT/tok32k.bin" mlir="$OUT/$cfg-s$SEED.mlir"
  [ -f "$ckpt" ] || python3 "$REF/make_llama2c_model.py" --config "$cfg" --seed "$SEED" --out "$ckpt" >/dev/null || die "cannot make the $cfg checkpoint"
  vocab=$(python3 -c "import struct,sys; h=struct.unpack('7i', open(sys.argv[1],'rb').read(28)); print(abs(h[5]))" "$ckpt")
  [ -f "$tok" ] || python3 "$REF/make_llama2c_tokenizer.py" --vocab "$vocab" --out "$tok" >/dev/null || die "cannot make tokenizer.bin"
  [ "$mlir" -nt "$ckpt" ] || "$ROOT/bin/gvm-translate" --import-llama2c "$ckpt" -o "$mlir" || die "import of $ckpt failed"
  for r in $(seq 1 "$RUNS"); do
    OMP_NUM_THREADS="$THREADS" /usr/bin/time -f "%M" -o "$OUT/c.rss" "$RUN" "$ckpt" -t 0 -n "$STEPS" -z "$tok" >/dev/null 2>"$OUT/c.err"
    printf "%s\tllama2.c\t%s\t%s\t%s\n" "$cfg" "$r" "$(toks "$OUT/c.err")" "$(tail -1 "$OUT/c.rss")" >> "$OUT/last-run.tsv"
    /usr/bin/time -f "%M" -o "$OUT/g.rss" "$ROOT/bin/gvm-run" "$mlir" --weights "$ckpt" --prompt-ids 1 --steps "$STEPS" --temperature 0 --threads "$THREADS" >/dev/null 2>"$OUT/g.err" \
      || { cat "$OUT/g.err" >&2; die "gvm-run failed"; }
    printf "%s\tgvm\t%s\t%s\t%s\n" "$cfg" "$r" "$(toks "$OUT/g.err")" "$(tail -1 "$OUT/g.rss")" >> "$OUT/last-run.tsv"
  done
  c=$(awk -F'\t' -v c="$cfg" '$1==c && $2=="llama2.c" {print $4}' "$OUT/last-run.tsv" | median)
  g=$(awk -F'\t' -v c="$cfg" '$1==c && $2=="gvm" {print $4}' "$OUT/last-run.tsv" | median)
  rss=$(awk -F'\t' -v c="$cfg" '$1==c && $2=="gvm" {print $5}' "$OUT/last-run.tsv" | sort -g | tail -1)
  # kv cache: 2 (K and V) x layers x seq x kv_dim float32, from the header
  kv=$(python3 -c "import struct,sys; d,h,l,nh,kvh,v,s=struct.unpack('7i', open(sys.argv[1],'rb').read(28)); print(2*l*s*(d*kvh//nh)*4)" "$ckpt")
  size=$(stat -c %s "$ckpt")
  ratio=$(awk -v g="$g" -v c="$c" 'BEGIN {printf "%.2f", g / c}')
  mem=$(awk -v r="$rss" -v s="$size" -v k="$kv" 'BEGIN {printf "%.2f", r * 1024 / (s + k)}')
  verdict=PASS
  awk -v x="$ratio" 'BEGIN {exit !(x >= 1.0)}' || verdict=FAIL
  awk -v x="$mem" 'BEGIN {exit !(x <= 1.3)}' || verdict=FAIL
  [ "$verdict" = PASS ] || status=1
  printf "%-7s llama2.c %8.1f tok/s   gvm %8.1f tok/s   ratio %sx   gvm peak RSS %d MiB = %sx (checkpoint %d MiB + kv %d MiB)   %s\n" \
    "$cfg" "$c" "$g" "$ratio" $((rss / 1024)) "$mem" $((size / 1048576)) $((kv / 1048576)) "$verdict"
done
exit $status

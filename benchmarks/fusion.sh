#!/usr/bin/env bash
# Decode speed of gvm-run on the fused program (gptvm-optimize) against the unfused one, and both
# against llama2.c's `run`, on one llama2.c checkpoint (greedy).
#
#   benchmarks/fusion.sh [--config medium] [--runs 5] [--steps 128] [--threads N] [--seed 7]
#                        [--run PATH]
#
# Writes a random checkpoint with ../shared/reference/make_llama2c_model.py (once, under
# benchmarks/out/llama2c/, shared with vs-llama2c.sh), imports it with bin/gvm-translate, optimises
# it with `bin/gvm-opt --pass-pipeline='builtin.module(gptvm-optimize)'`, then
#  1. in one JVM, decode steps of both programs interleaved step by step (gvm.bench.FusionDecodeBench:
#     both see the same load, which on a shared machine drifts more between runs than fusion
#     changes), with THREADS threads and with one (whose CPU time is all the work);
#  2. alternates separate runs of gvm-run PLAIN.mlir, gvm-run OPT.mlir (and `run CKPT -t 0 -n STEPS
#     -z TOK` when a llama2.c binary is given with --run, GVM_LLAMA2C_RUN, or found at
#     /work/peers/llama2c/run), all printing llama2.c's `achieved tok/s`.
# Reports median tok/s, optimised/unoptimised and gvm/llama2.c ratios, and checks that both
# programs generate the same ids. llama2.c is built outside this repository; nothing of it is kept
# here. Raw runs: benchmarks/out/llama2c/fusion-runs.tsv.
set -u -o pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
OUT="$ROOT/benchmarks/out/llama2c"
REF="${GVM_REFERENCE:-$ROOT/../shared/reference}"
RUN="${GVM_LLAMA2C_RUN:-}"
[ -z "$RUN" ] && [ -x /work/peers/llama2c/run ] && RUN=/work/peers/llama2c/run
CONFIG=medium RUNS=5 STEPS=128 THREADS="$(nproc)" SEED=7

usage() { sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --config) CONFIG="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --steps) STEPS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --run) RUN="$2"; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "fusion: unknown argument '$1'" >&2; usage 2 ;;
  esac
done
die() { echo "fusion: $*" >&2; exit 2; }
[ -f "$REF/make_llama2c_model.py" ] || die "reference scripts not found under $REF (set GVM_REFERENCE)"
mkdir -p "$OUT"
median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
toks() { sed -n 's/.*achieved tok\/s: *\([0-9.]*\).*/\1/p' "$1" | tail -1; }

"$ROOT/bin/gvm-opt" --version >/dev/null 2>&1 || die "bin/gvm-opt does not start"
export GVM_NO_BUILD=1
ckpt="$OUT/$CONFIG-s$SEED.bin" tok="$OUT/tok32k.bin" plain="$OUT/$CONFIG-s$SEED.mlir" opt="$OUT/$CONFIG-s$SEED.opt.mlir"
[ -f "$ckpt" ] || python3 "$REF/make_llama2c_model.py" --config "$CONFIG" --seed "$SEED" --out "$ckpt" >/dev/null || die "cannot make the $CONFIG checkpoint"
[ "$plain" -nt "$ckpt" ] || "$ROOT/bin/gvm-translate" --import-llama2c "$ckpt" -o "$plain" || die "import of $ckpt failed"
"$ROOT/bin/gvm-opt" "$plain" --pass-pipeline='builtin.module(gptvm-optimize)' -o "$opt" || die "gptvm-optimize failed"
if [ -n "$RUN" ]; then
  vocab=$(python3 -c "import struct,sys; h=struct.unpack('7i', open(sys.argv[1],'rb').read(28)); print(abs(h[5]))" "$ckpt")
  [ -f "$tok" ] || python3 "$REF/make_llama2c_tokenizer.py" --vocab "$vocab" --out "$tok" >/dev/null || die "cannot make tokenizer.bin"
fi

jar="$ROOT/benchmarks/target/benchmarks.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/benchmarks/src" "$ROOT/interpreter/src/main" -newer "$jar" -name '*.java' -print -quit)" ]; then
  (cd "$ROOT" && mvn -q -B -o -DskipTests -Dmaven.test.skip=true -pl benchmarks -am package >&2) || die "cannot build $jar"
fi
echo "interleaved in one JVM ($CONFIG, $STEPS decode steps):"
for t in "$THREADS" 1; do
  java -XX:+UseSerialGC -Xmn16m --add-modules jdk.incubator.vector -cp "$jar" gvm.bench.FusionDecodeBench "$plain" "$opt" "$ckpt" "$STEPS" "$t" 16 2>/dev/null \
    || die "FusionDecodeBench failed"
done

gvm() { # program, output file
  "$ROOT/bin/gvm-run" "$1" --weights "$ckpt" --prompt-ids 1 --steps "$STEPS" --temperature 0 --threads "$THREADS" --emit-ids >"$2.ids" 2>"$2" \
    || { cat "$2" >&2; die "gvm-run $1 failed"; }
}
printf "tool\trun\ttok_s\n" > "$OUT/fusion-runs.tsv"
for r in $(seq 1 "$RUNS"); do
  gvm "$plain" "$OUT/p.err"
  printf "unoptimised\t%s\t%s\n" "$r" "$(toks "$OUT/p.err")" >> "$OUT/fusion-runs.tsv"
  gvm "$opt" "$OUT/o.err"
  printf "optimised\t%s\t%s\n" "$r" "$(toks "$OUT/o.err")" >> "$OUT/fusion-runs.tsv"
  cmp -s "$OUT/p.err.ids" "$OUT/o.err.ids" || die "the optimised program generated other ids than the unoptimised one"
  if [ -n "$RUN" ]; then
    OMP_NUM_THREADS="$THREADS" "$RUN" "$ckpt" -t 0 -n "$STEPS" -z "$tok" >/dev/null 2>"$OUT/c.err"
    printf "llama2.c\t%s\t%s\n" "$r" "$(toks "$OUT/c.err")" >> "$OUT/fusion-runs.tsv"
  fi
done
med() { awk -F'\t' -v t="$1" '$1==t {print $3}' "$OUT/fusion-runs.tsv" | median; }
p=$(med unoptimised) o=$(med optimised)
printf "separate runs: %s, %d steps, %d threads, %d runs (median tok/s; all runs in %s)\n" "$CONFIG" "$STEPS" "$THREADS" "$RUNS" "$OUT/fusion-runs.tsv"
printf "  gvm-run unoptimised %8.2f\n  gvm-run optimised   %8.2f   optimised/unoptimised %sx\n" "$p" "$o" "$(awk -v a="$o" -v b="$p" 'BEGIN {printf "%.3f", a / b}')"
if [ -n "$RUN" ]; then
  c=$(med llama2.c)
  printf "  llama2.c run        %8.2f   optimised/llama2.c %sx   unoptimised/llama2.c %sx\n" "$c" \
    "$(awk -v a="$o" -v b="$c" 'BEGIN {printf "%.3f", a / b}')" "$(awk -v a="$p" -v b="$c" 'BEGIN {printf "%.3f", a / b}')"
else
  echo "  llama2.c: skipped (no run binary: --run PATH or GVM_LLAMA2C_RUN)"
fi

#!/usr/bin/env bash
# Race bin/gvm-opt against LLVM 19's mlir-opt on the same generated MLIR files.
#
#   benchmarks/vs-mlir-opt.sh [--sizes "10 100"] [--runs 3] [--flags "..."]
#                             [--gvm bin/gvm-opt] [--mlir-opt PATH] [--seed 1]
#
# For each size N (MiB) it generates benchmarks/out/bench-<N>mb-s<seed>.mlir with
# benchmarks/gen-mlir.py (once; again when the generator changes), then alternates
# runs of `mlir-opt FILE -o /dev/null FLAGS` and `gvm-opt FILE -o /dev/null FLAGS`,
# timing each with /usr/bin/time (wall seconds, peak RSS), and prints the medians,
# MiB/s and the gvm/mlir ratios. The verdict is taken at 100 MB (the largest size
# measured when 100 is not among --sizes) against the targets: wall time at most
# 1.5x mlir-opt's and peak memory at most 3x. It also checks that gvm-opt's output
# on the 10 MB file (the smallest size when 10 is absent) re-parses with mlir-opt.
#
# Exit status: 0 when the verdict is PASS, 1 when it is FAIL or gvm-opt failed,
# 2 on a usage or setup error. Raw runs go to benchmarks/out/last-run.tsv.
set -u -o pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
OUTDIR="$ROOT/benchmarks/out"
SIZES="10 100"
RUNS=3
FLAGS=""
SEED=1
GVM="$ROOT/bin/gvm-opt"
MLIR=""
TIME_MAX=1.5
MEM_MAX=3

usage() { sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --flags) FLAGS="$2"; shift 2 ;;
    --gvm) GVM="$2"; shift 2 ;;
    --mlir-opt) MLIR="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --sizes=*) SIZES="${1#*=}"; shift ;;
    --runs=*) RUNS="${1#*=}"; shift ;;
    --flags=*) FLAGS="${1#*=}"; shift ;;
    --gvm=*) GVM="${1#*=}"; shift ;;
    --mlir-opt=*) MLIR="${1#*=}"; shift ;;
    --seed=*) SEED="${1#*=}"; shift ;;
    -h|--help) usage 0 ;;
    *) echo "vs-mlir-opt: unknown argument '$1'" >&2; usage 2 ;;
  esac
done

die() { echo "vs-mlir-opt: $*" >&2; exit 2; }

if [ -z "$MLIR" ]; then
  if command -v mlir-opt-19 >/dev/null 2>&1; then MLIR="$(command -v mlir-opt-19)"
  elif [ -x /usr/lib/llvm-19/bin/mlir-opt ]; then MLIR=/usr/lib/llvm-19/bin/mlir-opt
  else die "mlir-opt-19 not found: pass --mlir-opt PATH"; fi
fi
if [ ! -x "$MLIR" ]; then p="$(command -v "$MLIR" 2>/dev/null)" || die "mlir-opt '$MLIR' is not executable"; MLIR="$p"; fi
case "$GVM" in
  /*) ;;
  */*) [ -f "$GVM" ] || GVM="$ROOT/$GVM" ;;
  *) p="$(command -v "$GVM" 2>/dev/null)" || die "gvm-opt '$GVM' not found on PATH"; GVM="$p" ;;
esac
[ -f "$GVM" ] && [ -x "$GVM" ] || die "gvm-opt '$GVM' is not an executable file"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (GNU time); install it with: sudo apt-get install time"
command -v python3 >/dev/null || die "python3 is needed to generate the input files"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer"
read -r -a FLAG_ARR <<< "$FLAGS"

mkdir -p "$OUTDIR"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
LOG="$OUTDIR/last-run.tsv"
printf 'size_mb\trun\ttool\trc\twall_s\tpeak_rss_kib\tcpu_s\tload1\tflags\n' > "$LOG"

gen() {  # gen SIZE -> path of the (cached) input file
  local f="$OUTDIR/bench-${1}mb-s${SEED}.mlir"
  if [ ! -s "$f" ] || [ "$ROOT/benchmarks/gen-mlir.py" -nt "$f" ]; then
    echo "generating $f ..." >&2
    python3 "$ROOT/benchmarks/gen-mlir.py" --size-mb "$1" --seed "$SEED" --out "$f" >&2 || die "gen-mlir.py failed"
  fi
  echo "$f"
}

# run_one TOOL FILE OUT -> sets RC, WALL (s), RSS (KiB), CPU (user+sys s); stderr kept in $TMP/err
run_one() {
  local tool="$1" file="$2" out="$3" t0 t1
  t0=$EPOCHREALTIME
  /usr/bin/time -f '%e %M %U %S' -o "$TMP/time" "$tool" "$file" -o "$out" "${FLAG_ARR[@]}" 2> "$TMP/err" > /dev/null
  RC=$?
  t1=$EPOCHREALTIME
  WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
  RSS=$(awk 'END { print $2 }' "$TMP/time")
  case "$RSS" in ''|*[!0-9]*) RSS=0 ;; esac
  CPU=$(awk 'END { printf "%.2f", $3 + $4 }' "$TMP/time")
  LOAD=$(cut -d' ' -f1 /proc/loadavg)
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
show_err() { sed -n '1,8p' "$TMP/err" | sed 's/^/      | /'; }

echo "mlir-opt: $MLIR ($("$MLIR" --version 2>/dev/null | awk '/LLVM version/ { print $NF; exit }'))"
echo "gvm-opt:  $GVM"
echo "flags:    ${FLAGS:-(none: parse + print)}    runs: $RUNS    sizes (MB): $SIZES    seed: $SEED"
echo "machine:  $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, load average $(cut -d' ' -f1-3 /proc/loadavg)"
if awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }'; then
  echo "warning:  the machine is busy; wall times will be noisy (the cpu column is user+sys seconds, and last-run.tsv logs the load)"
fi

# Warm-up on a small file: builds gvm's jar if needed (untimed) and warms the caches.
WARM="$(gen 0.2)"
"$MLIR" "$WARM" -o /dev/null "${FLAG_ARR[@]}" 2> "$TMP/err" || { echo "warning: mlir-opt failed on the warm-up file:"; show_err; }
if "$GVM" "$WARM" -o /dev/null "${FLAG_ARR[@]}" 2> "$TMP/err" > /dev/null; then
  echo "warm-up:  gvm-opt ok"
else
  echo "warm-up:  gvm-opt FAILED (rc $?) on $WARM:"; show_err
fi
export GVM_NO_BUILD=1  # the jar is built now; keep the launcher's staleness scan out of the timings

SORTED="$(printf '%s\n' $SIZES | sort -g)"
VERDICT_SIZE="$(echo "$SORTED" | tail -n1)"
CHECK_SIZE="$(echo "$SORTED" | head -n1)"
for s in $SIZES; do
  [ "$s" = 100 ] && VERDICT_SIZE=100
  [ "$s" = 10 ] && CHECK_SIZE=10
done

GVM_FAILED=0
V_TIME="" V_MEM=""
printf '\n%-7s %-9s %9s %9s %10s %8s %6s\n' "size" "tool" "wall(s)" "MiB/s" "peakRSS" "cpu(s)" "ok"
for s in $SIZES; do
  f="$(gen "$s")"
  mb=$(awk -v b="$(stat -c %s "$f")" 'BEGIN { printf "%.2f", b / 1048576 }')
  cat "$f" > /dev/null  # page cache
  m_w="" m_r="" m_c="" g_w="" g_r="" g_c="" m_ok=0 g_ok=0 g_fail="" m_fail=""
  for ((i = 1; i <= RUNS; i++)); do
    # alternate the order so neither tool always runs on a warmer machine
    if (( i % 2 )); then order="mlir gvm"; else order="gvm mlir"; fi
    for tool in $order; do
      if [ "$tool" = mlir ]; then
        [ -n "$m_fail" ] && continue
        run_one "$MLIR" "$f" /dev/null
        printf '%s\t%d\tmlir-opt\t%d\t%s\t%s\t%s\t%s\t%s\n' "$s" "$i" "$RC" "$WALL" "$RSS" "$CPU" "$LOAD" "$FLAGS" >> "$LOG"
        if [ "$RC" = 0 ]; then m_w+=" $WALL"; m_r+=" $RSS"; m_c+=" $CPU"; m_ok=$((m_ok + 1))
        else m_fail="rc $RC"; echo "  ${s}MB mlir-opt FAILED (rc $RC):"; show_err; fi
      else
        [ -n "$g_fail" ] && continue
        run_one "$GVM" "$f" /dev/null
        printf '%s\t%d\tgvm-opt\t%d\t%s\t%s\t%s\t%s\t%s\n' "$s" "$i" "$RC" "$WALL" "$RSS" "$CPU" "$LOAD" "$FLAGS" >> "$LOG"
        if [ "$RC" = 0 ]; then g_w+=" $WALL"; g_r+=" $RSS"; g_c+=" $CPU"; g_ok=$((g_ok + 1))
        else g_fail="rc $RC"; GVM_FAILED=1; echo "  ${s}MB gvm-opt FAILED (rc $RC, ${WALL}s); skipping its other runs at this size:"; show_err; fi
      fi
    done
  done
  mw=$(echo "$m_w" | median); mr=$(echo "$m_r" | median)
  gw=$(echo "$g_w" | median); gr=$(echo "$g_r" | median)
  mc=$(echo "$m_c" | median); gc=$(echo "$g_c" | median)
  for t in mlir gvm; do
    if [ $t = mlir ]; then w=$mw; r=$mr; c=$mc; ok=$m_ok; name=mlir-opt; else w=$gw; r=$gr; c=$gc; ok=$g_ok; name=gvm-opt; fi
    if [ "$w" = nan ]; then
      printf '%-7s %-9s %9s %9s %10s %8s %3d/%d\n' "${s}MB" "$name" "-" "-" "-" "-" "$ok" "$RUNS"
    else
      printf '%-7s %-9s %9.2f %9s %7.0f MiB %8.2f %3d/%d\n' "${s}MB" "$name" "$w" "$(ratio "$mb" "$w")" "$(calc %.1f "$r / 1024")" "$c" "$ok" "$RUNS"
    fi
  done
  if [ "$mw" != nan ] && [ "$gw" != nan ]; then
    rt=$(ratio "$gw" "$mw"); rm_=$(ratio "$gr" "$mr")
    printf '%-7s gvm/mlir  time %sx  memory %sx  (cpu %sx; file %s MiB)\n' "${s}MB" "$rt" "$rm_" "$(ratio "$gc" "$mc")" "$mb"
    if [ "$s" = "$VERDICT_SIZE" ] && [ "$rt" != n/a ] && [ "$rm_" != n/a ]; then V_TIME=$rt; V_MEM=$rm_; fi
  else
    printf '%-7s gvm/mlir  n/a (%s)   (file %s MiB)\n' "${s}MB" "${g_fail:+gvm-opt failed}${m_fail:+ mlir-opt failed}" "$mb"
  fi

  if [ "$s" = "$CHECK_SIZE" ]; then
    if [ -n "$g_fail" ]; then
      echo "  warning: skipped the parse check of gvm-opt's ${s}MB output (gvm-opt failed)"
    else
      out="$OUTDIR/gvm-out-${s}mb.mlir"
      if ! "$GVM" "$f" -o "$out" "${FLAG_ARR[@]}" 2> "$TMP/err" > /dev/null; then
        echo "  warning: gvm-opt failed writing $out for the parse check:"; show_err
      elif "$MLIR" "$out" -o /dev/null 2> "$TMP/err"; then
        echo "  parse check: mlir-opt accepts gvm-opt's ${s}MB output ($out)"
      else
        echo "  WARNING: mlir-opt rejects gvm-opt's ${s}MB output ($out):"; show_err
      fi
    fi
  fi
done

echo
label="${VERDICT_SIZE}MB"
[ "$VERDICT_SIZE" = 100 ] || label="${VERDICT_SIZE}MB (100 MB not measured; targets are for 100 MB)"
if [ -n "$V_TIME" ]; then
  if awk -v t="$V_TIME" -v m="$V_MEM" -v tm="$TIME_MAX" -v mm="$MEM_MAX" 'BEGIN { exit !(t <= tm && m <= mm) }' && [ "$GVM_FAILED" = 0 ]; then
    echo "verdict: PASS at $label: time ${V_TIME}x <= ${TIME_MAX}x, memory ${V_MEM}x <= ${MEM_MAX}x (flags: ${FLAGS:-none})"
    exit 0
  fi
  echo "verdict: FAIL at $label: time ${V_TIME}x (target <= ${TIME_MAX}x), memory ${V_MEM}x (target <= ${MEM_MAX}x)$([ "$GVM_FAILED" = 1 ] && echo ', and gvm-opt failed on some size') (flags: ${FLAGS:-none})"
else
  echo "verdict: FAIL at $label: no ratio (gvm-opt or mlir-opt did not complete); targets: time <= ${TIME_MAX}x, memory <= ${MEM_MAX}x"
fi
exit 1

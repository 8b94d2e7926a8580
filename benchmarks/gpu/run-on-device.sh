#!/usr/bin/env bash
# The GPU side of issue 10 in one go, on a machine with an NVIDIA GPU (H100/H200): the GPU tests
# (gvm-run --device cuda against the interpreter), the equivalence checks of acceptance 2
# (tiny/small/medium llama2.c checkpoints; fp32 at pages of 16 and 256, fp16 at 16 and 256, bf16)
# and the benchmark of acceptance 3 (TinyLlama-1.1B shape, random fp16 weights, gvm vs PyTorch +
# HF eager). Results go to $OUT (default: ./gpu-out).
#
# Needs nvcc and python3 with numpy (torch and transformers for the baseline), and Java 17 with
# the shaded jar: either next to this script (jre/ and gvm-all.jar, as carried to a machine
# without Java: see DEVELOPERS.md) or java on the PATH and testsuite/target/gvm-all.jar.
#   bash benchmarks/gpu/run-on-device.sh
# To carry it to such a machine (64 MiB at most): a folder with jre/ (jlink --add-modules
# java.base,java.logging,jdk.unsupported,java.management,jdk.incubator.vector --strip-debug
# --no-header-files --no-man-pages --compress=2 --output jre), gvm-all.jar without the OR-Tools
# and JNA natives (zip -d gvm-all.jar 'ortools-linux-x86-64/*' 'com/sun/jna/*' 'com/google/ortools/*':
# gvm-run's GPU path needs neither), this script, hf_bench.py and make_llama2c_model.py.
set -u -o pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." 2>/dev/null && pwd)
OUT=${OUT:-$PWD/gpu-out}
mkdir -p "$OUT"
JAVA=java; [ -x "$here/jre/bin/java" ] && JAVA="$here/jre/bin/java"
JAR="$here/gvm-all.jar"; [ -f "$JAR" ] || JAR="$root/testsuite/target/gvm-all.jar"
MAKE=$here/make_llama2c_model.py; [ -f "$MAKE" ] || MAKE=$root/../shared/reference/make_llama2c_model.py
java() { "$JAVA" -XX:+UseParallelGC -Xmx48g --add-modules jdk.incubator.vector -cp "$JAR" "$@" 2> >(grep -v "Using incubator modules" >&2); }
export PYTHONUNBUFFERED=1
status=0
step() { echo; echo "== $*"; }

step "device"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader | tee "$OUT/gpu.txt"
nvcc --version | tail -2
"$JAVA" -version 2>&1 | head -1

step "checkpoints (make_llama2c_model.py, seed 1)"
models=${MODELS:-/tmp/gvm-models}
mkdir -p "$models"
for c in tiny small medium; do
  [ -f "$models/$c.bin" ] || python3 "$MAKE" --config $c --seed 1 --out "$models/$c.bin" || status=1
done

step "GPU tests: gvm-run --device cuda vs the interpreter (greedy ids, 64 positions)"
java gvm.tools.translate.GvmTranslate --import-llama2c "$models/tiny.bin" -o "$models/tiny.mlir"
for dt in f32 f16 bf16; do
  cpu=$(java gvm.tools.run.GvmRun "$models/tiny.mlir" --weights "$models/tiny.bin" --prompt-ids 1,7,9 --steps 64 --temperature 0 --emit-ids)
  gpu=$(java gvm.tools.run.GvmRun "$models/tiny.mlir" --weights "$models/tiny.bin" --prompt-ids 1,7,9 --steps 64 --temperature 0 --emit-ids --device cuda --weight-dtype $dt)
  if [ "$cpu" = "$gpu" ]; then echo "tiny $dt: gvm-run ids equal: PASS"; else echo "tiny $dt: gvm-run ids differ: cpu '$cpu' gpu '$gpu'"; [ $dt = f32 ] && status=1; fi
done 2>&1 | tee "$OUT/gvm-run.txt"
java gvm.cuda.tools.GpuCheck --selftest-errors 2>&1 | tee -a "$OUT/gvm-run.txt"

step "acceptance 2: equivalence with the interpreter (prompt 40, 64 decode steps)"
java gvm.cuda.tools.GpuCheck "$models/tiny.bin" "$models/small.bin" "$models/medium.bin" 2>&1 | tee "$OUT/equivalence.txt" || status=1

step "acceptance 3: TinyLlama-1.1B shape, fp16, batch 1 (gvm)"
java gvm.cuda.tools.DecodeBench 2>&1 | tee "$OUT/bench-gvm.txt" || status=1

step "acceptance 3: PyTorch + HF LlamaForCausalLM eager, same shape"
python3 "$here/hf_bench.py" 2>&1 | tee "$OUT/bench-torch.txt"
exit $status

#!/usr/bin/env bash
# Runs gvm's JMH benchmarks (benchmarks/src/main/java/gvm/bench), building benchmarks.jar first.
#   benchmarks/jmh.sh ParsePrintBench -p sizeMb=10      (any JMH option works: -f, -wi, -i, -prof gc ...)
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$ROOT"
mvn -q -B -DskipTests -pl benchmarks -am package >&2
exec java -Dgvm.root="$ROOT" -jar benchmarks/target/benchmarks.jar "$@"

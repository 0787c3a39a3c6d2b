#!/usr/bin/env bash
# Compares HEAD (this checkout as it is) with REF back to back: builds REF in a git worktree, then runs the bench at
# quick sizes alternately on REF and HEAD (REF, HEAD, REF, HEAD: the same sizes, one sitting) and prints each figure's
# values and the ratio of their means, HEAD / REF. This machine's absolute figures drift by a third from day to day;
# ratios taken in one sitting do not.
#   bench/compare.sh REF [ROUNDS] [-Dbench.x=y ...]     e.g. bench/compare.sh f4d5a77; ROUNDS defaults to 2
# Extra -D options replace nothing: they are added after the quick sizes, so -Dbench.tasks=2000 wins.
# The runs' results are kept in bench/target/compare/; REF's worktree in ${TMPDIR:-/tmp}/reform-desk-compare-<sha>.
set -euo pipefail
cd "$(dirname "$0")/.."
ref=$(git rev-parse --verify "${1:?usage: bench/compare.sh REF [ROUNDS] [-Dbench.x=y ...]}^{commit}")
shift
rounds=2
if [[ $# -gt 0 && $1 =~ ^[0-9]+$ ]]; then rounds=$1; shift; fi
quick=(-Dbench.tasks=500 -Dbench.trickle.seconds=5 -Dbench.ledger.tasks=5000 -Dbench.ledger.seconds=5
       -Dbench.reference=skip "$@")
tree="${TMPDIR:-/tmp}/reform-desk-compare-${ref:0:12}"
out=bench/target/compare
mkdir -p "$out"
rm -f "$out"/ref-*.json "$out"/head-*.json

if [[ ! -d $tree ]]; then
  git worktree add --detach "$tree" "$ref"
fi
build() {
  echo "compare: building $1"
  (cd "$1" && ./mvnw -q -Pbenchmark -pl bench -am package -DskipTests)
}
build "$tree"
build .

run() { # run <tree> <results file>
  echo "compare: $(uptime)"
  (cd "$1" && BENCH_BUILD=0 bench/run.sh "${quick[@]}") > "$2.log" 2>&1 || {
    echo "compare: the run in $1 failed; see $2.log"; tail -5 "$2.log"; exit 1; }
  cp "$1/bench/target/results.json" "$2"
  grep -h '^bench: .*\(effects exact\|goals met\)' "$2.log" | sed 's/^/compare:   /'
}
for ((i = 1; i <= rounds; i++)); do
  run "$tree" "$out/ref-$i.json"
  run . "$out/head-$i.json"
done

echo "compare: HEAD $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' with uncommitted changes') against REF ${ref:0:12}, $rounds rounds"
java -cp "bench/target/classes:bench/target/lib/*" org.reformdesk.bench.Compare "$out"/ref-*.json -- "$out"/head-*.json

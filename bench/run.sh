#!/usr/bin/env bash
# Issue 11's figures in one sitting: starts Kafka and the five packaged services on the local PostgreSQL
# (PGHOST/PGPORT/PGUSER/PGPASSWORD, default localhost:5432 postgres), seeds a city, runs the year-end burst, the
# steady trickle, escalation (and the Flowable reference), the ledger under load and the footprint, and prints
# one line per figure beside its goal; bench/target/results.json has them for machines. Exits non-zero when a
# count of effects is not exact.
#   bench/run.sh                                   full size (10,000 tasks, 60 s trickle, 100,000-task ledger)
#   bench/run.sh -Dbench.tasks=500 -Dbench.trickle.seconds=5 -Dbench.ledger.tasks=5000 \
#                -Dbench.ledger.seconds=5 -Dbench.reference=skip          a quick run while developing
# Other knobs: -Dbench.trickle.rate=20 -Dbench.ledger.rate=500 -Dbench.reference.runs=1 -Dbench.keep=true
# (keep the databases); FLOWABLE_BENCH=<dir of the reference's run.sh> (default ../shared/bench/flowable);
# BENCH_BUILD=0 skips the build when the jars are there.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${BENCH_BUILD:-1}" != 0 ]]; then
  echo "bench: building the five services and the benchmark (./mvnw -q -Pbenchmark -pl bench -am package -DskipTests)"
  ./mvnw -q -Pbenchmark -pl bench -am package -DskipTests
fi
: "${FLOWABLE_BENCH:=$(cd .. && pwd)/shared/bench/flowable}"
export FLOWABLE_BENCH
uptime
exec java -Xmx1g -cp "bench/target/classes:bench/target/lib/*" -Dbench.root=. "$@" org.reformdesk.bench.PlatformBench

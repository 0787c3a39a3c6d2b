#!/usr/bin/env bash
# Every benchmark in one sitting: starts Kafka and the five packaged services on the local PostgreSQL
# (PGHOST/PGPORT/PGUSER/PGPASSWORD, default localhost:5432 postgres), seeds a city, runs the steady trickle, the
# year-end burst, escalation (and the Flowable reference), notification's reminders, assessment's scoring, the
# ledger under load and the footprint - or those named - and prints one line per figure beside its goal;
# bench/target/results.json has them for machines. Exits non-zero when a count of effects is not exact.
#   bench/run.sh [scenario...] [-Dbench.x=y...]    no scenario named: every platform scenario
#   bench/run.sh                                   full size (10,000 tasks, 60 s trickle, 100,000-task ledger)
#   bench/run.sh -Dbench.tasks=500 -Dbench.trickle.seconds=5 -Dbench.ledger.tasks=5000 \
#                -Dbench.ledger.seconds=5 -Dbench.reference=skip          a quick run while developing
#   bench/run.sh ledger -Dbench.ledger.tasks=5000 -Dbench.ledger.seconds=5    one scenario
# Platform scenarios (one platform, one sitting, in this order): trickle burst escalation notification scoring ledger
# footprint. Any other name runs org.reformdesk.bench.<Name>Scenario's main in its own JVM after them (console:
# ConsoleScenario).
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
platform_scenarios=" trickle burst escalation notification scoring ledger footprint "
options=() platform=() others=()
for arg in "$@"; do
  if [[ $arg == -* ]]; then options+=("$arg")
  elif [[ $platform_scenarios == *" $arg "* ]]; then platform+=("$arg")
  else others+=("$arg"); fi
done
uptime
# the -D options go to each JVM
bench=(java -Xmx1g -cp "bench/target/classes:bench/target/lib/*" -Dbench.root=. "${options[@]}")
if (( ${#others[@]} == 0 )); then # the JVM in this script's place, so that a kill of it stops the bench's processes
  exec "${bench[@]}" org.reformdesk.bench.PlatformBench "${platform[@]}"
fi
status=0
if (( ${#platform[@]} > 0 )); then
  "${bench[@]}" org.reformdesk.bench.PlatformBench "${platform[@]}" || status=$?
fi
for name in "${others[@]}"; do
  "${bench[@]}" "org.reformdesk.bench.${name^}Scenario" || status=$?
done
exit "$status"

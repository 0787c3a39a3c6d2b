#!/usr/bin/env bash
# Measures the pilot ledger at Chengdu's scale against a running local platform (./reform-desk up):
# registers 373 pilots (142 national, 93 provincial, 138 municipal), puts them under way for a year, sweeps for
# missing summaries and times the ledger reads. Prints one line per figure.
set -euo pipefail
cd "$(dirname "$0")/.."
PILOTS=http://127.0.0.1:8082/api/v1
TOKEN=$(./reform-desk token office)
auth=(-H "Authorization: Bearer $TOKEN")
json=(-H 'Content-Type: application/json')
unit=$(cat /proc/sys/kernel/random/uuid)
start=$(date -d '-12 months' +%Y-%m-01)
end=$(date -d '+6 months' +%F)

register() {
  local level=$1 count=$2
  for ((i = 0; i < count; i++)); do
    id=$(curl -sf "${auth[@]}" "${json[@]}" -d "{\"name\":\"成都$level试点$i\",\"level\":\"$level\",\"leadUnitId\":\"$unit\",\"startsOn\":\"$start\",\"plannedEndOn\":\"$end\"}" \
      "$PILOTS/pilots" | sed 's/.*"id":"\([^"]*\)".*/\1/')
    curl -sf -o /dev/null "${auth[@]}" "${json[@]}" -d '{"status":"APPROVED"}' "$PILOTS/pilots/$id/status"
    curl -sf -o /dev/null "${auth[@]}" "${json[@]}" -d '{"status":"IN_PROGRESS"}' "$PILOTS/pilots/$id/status"
  done
}

t0=$(date +%s.%N)
register NATIONAL 142; register PROVINCIAL 93; register MUNICIPAL 138
t1=$(date +%s.%N)
awk -v a="$t0" -v b="$t1" 'BEGIN { printf "pilot ledger: registered and started 373 pilots in %.1f s (%.1f ms per pilot, 3 requests each)\n", b - a, (b - a) * 1000 / 373 }'

sweep=$(curl -sf "${auth[@]}" -X POST -w ' %{time_total}' "$PILOTS/summary-sweeps")
printf 'pilot ledger: summary sweep over 373 pilots x 12 months: %s overdue signals in %s s\n' \
  "$(echo "$sweep" | sed 's/.*"overdue":\([0-9]*\).*/\1/')" "${sweep##* }"
again=$(curl -sf "${auth[@]}" -X POST -w ' %{time_total}' "$PILOTS/summary-sweeps")
printf 'pilot ledger: second sweep (nothing new): %s signals in %s s\n' \
  "$(echo "$again" | sed 's/.*"overdue":\([0-9]*\).*/\1/')" "${again##* }"

for path in "/pilots/counts?leadUnit=$unit" "/pilots?leadUnit=$unit&size=50" \
            "/pilots?leadUnit=$unit&overdueSummaries=true&size=50" "/pilots?leadUnit=$unit&level=NATIONAL&size=50" \
            "/pilots/export?leadUnit=$unit"; do
  sorted=$(for ((r = 0; r < 20; r++)); do
    curl -sf -o /dev/null "${auth[@]}" -w '%{time_total}\n' "$PILOTS$path"
  done | sort -n)
  echo "$sorted" | awk -v what="${path//$unit/UNIT}" '{ t[NR] = $1 } END {
    printf "pilot ledger: GET %-60s p50 %5.1f ms  max %5.1f ms (%d requests)\n", what, t[int(NR / 2)] * 1000, t[NR] * 1000, NR }'
done

#!/usr/bin/env bash
# Resident memory of `herald serve` (release) on the example config scaled to N milestones, console
# channel to /dev/null: reports how long until every reminder was delivered, and VmRSS/VmHWM.
# Usage: scripts/bench-daemon.sh [milestones]   (builds .build/release/herald if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
[ -x .build/release/herald ] || swift build -c release --product herald >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/projects"
sed 's#^state_dir: .*#state_dir: state#' config/herald.yaml > "$work/herald.yaml"
due=$(date -d "+1 day" +%F)
for p in $(seq 0 9); do
    {
        echo "project: p$p"; echo "name: Project $p"; echo "manager: bob"; echo "sponsor: carol"
        echo "channel: console"; echo "milestones:"
        for m in $(seq 1 $((count / 10))); do
            echo "  - { id: m$m, title: Milestone $m, owner: alice, due: $due, baseline: $due, status: in_progress }"
        done
    } > "$work/projects/p$p.yaml"
done
start=$(date +%s.%N)
.build/release/herald serve --config "$work/herald.yaml" > /dev/null 2> "$work/serve.log" &
pid=$!
delivered=0
for _ in $(seq 1 600); do
    sleep 0.1
    delivered=$(sqlite3 "$work/state/herald.sqlite" "SELECT count(*) FROM deliveries WHERE state='delivered'" 2>/dev/null || echo 0)
    [ "$delivered" -ge "$count" ] && break
done
end=$(date +%s.%N)
sleep 2
rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
hwm=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
kill -TERM $pid
wait $pid && status=0 || status=$?
printf 'milestones: %d, reminders delivered: %d in %.2f s from start (import, evaluate, deliver)\n' \
    "$count" "$delivered" "$(echo "$end - $start" | bc)"
printf 'resident memory after delivery: %d MB (peak %d MB); exit status on SIGTERM: %d\n' \
    $((rss / 1024)) $((hwm / 1024)) "$status"

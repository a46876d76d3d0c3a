#!/usr/bin/env bash
# What the dashboard costs while nobody touches it: the release build in tmux
# against sesterce-sim --instances 100 with --refresh 5, measured from /proc
# over SECONDS (default 60) after 10 s to settle. Prints one JSON line: share
# of one core, and wakeups a second summed over all threads (voluntary and
# involuntary context switches), each kind apart too (involuntary ones are
# preemptions, which grow with the machine's load, also given).
#   scripts/idle-cost.sh        60 s
#   scripts/idle-cost.sh 120    120 s
#   PANE=2 scripts/idle-cost.sh on the Regions pane: no instance row on
#                               screen, so no READY sweep
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
command -v tmux >/dev/null || { echo "idle-cost.sh needs tmux" >&2; exit 2; }
swift build -c release --product sesterce-dash >/dev/null
swift build -c release --product sesterce-sim >/dev/null
bin="$(swift build -c release --show-bin-path)"

port_file="$(mktemp)"
"$bin/sesterce-sim" --instances 100 --port 0 >"$port_file" 2>&1 &
sim=$!
socket="idle-cost-$$"
cleanup() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    kill "$sim" 2>/dev/null || true
    rm -f "$port_file"
}
trap cleanup EXIT
for _ in $(seq 50); do grep -q "http://" "$port_file" && break; sleep 0.1; done
url="$(grep -o 'http://[0-9.:]*' "$port_file" | head -1)"

tmux -L "$socket" new-session -d -x 120 -y 40 \
    "SESTERCE_API_KEY=demo-key '$bin/sesterce-dash' --api-url $url --refresh ${REFRESH:-5}"
[ -n "${PANE:-}" ] && sleep 2 && tmux -L "$socket" send-keys "$PANE"
sleep 10
dash="$(pgrep -f -n "$bin/sesterce-dash --api-url $url")"

# utime + stime in clock ticks; context switches per thread ("tid count"), so
# that threads ending or starting in the window do not skew the sum (a thread
# that started counts from zero; one that ended is left out, so the figure is
# a floor).
ticks() { awk '{ print $14 + $15 }' "/proc/$dash/stat"; }
switches() {
    for status in /proc/"$dash"/task/*/status; do
        awk -v tid="$(basename "$(dirname "$status")")" '/^voluntary_ctxt_switches/ { v = $2 } /nonvoluntary_ctxt_switches/ { n = $2 } END { print tid, v, n }' "$status" 2>/dev/null || true
    done
}
before="$(mktemp)"; after="$(mktemp)"
t0=$(ticks); switches >"$before"; start=$(date +%s.%N)
sleep "$seconds"
t1=$(ticks); switches >"$after"; end=$(date +%s.%N)
hz=$(getconf CLK_TCK)
awk -v pane="${PANE:+_pane_$PANE}" -v load="$(cut -d' ' -f1 /proc/loadavg)" -v t="$((t1 - t0))" -v hz="$hz" -v a="$start" -v b="$end" '
    NR == FNR { seenV[$1] = $2; seenN[$1] = $3; next }
    { vol += $2 - seenV[$1]; invol += $3 - seenN[$1]; threads++; if (!($1 in seenV)) born++ }
    END {
        elapsed = b - a
        printf "{\"name\":\"idle_100_refresh_5%s\",\"seconds\":%.1f,\"cpu_percent\":%.3f,\"wakeups_per_second\":%.2f,\"voluntary_per_second\":%.2f,\"involuntary_per_second\":%.2f,\"threads\":%d,\"threads_started\":%d,\"load_average\":%s}\n",
            pane, elapsed, 100 * t / hz / elapsed, (vol + invol) / elapsed, vol / elapsed, invol / elapsed, threads, born + 0, load
    }' "$before" "$after"
rm -f "$before" "$after"

#!/usr/bin/env bash
# Makes the screenshots in screenshots/: real runs of sesterce-dash against
# sesterce-sim, in a private tmux server, each shot saved twice:
#   screenshots/NAME.png  what a real xterm shows (colours kept), 120x40
#   screenshots/NAME.txt  the same screen as text (tmux capture-pane -p)
#
# Run from anywhere (it works from the repository root):  scripts/screenshots.sh
# Needs (Debian): apt-get install -y --no-install-recommends \
#   tmux xvfb xterm x11-utils imagemagick fonts-wqy-zenhei
#
# How: sesterce-sim on a free port with a fixed seed and its lifecycle slowed
# down 1000 times (so statuses and pod counts stay put); sesterce-dash in
# `tmux -L shots` at 120x40; an xterm in a private Xvfb attached read-only to
# that session; ImageMagick's `import` grabs the xterm window. Every step
# waits for text on the screen (capture-pane polling) rather than for time.
# Only the processes started here are ended, by PID, on exit.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
OUT=$ROOT/screenshots
SEED=${SEED:-1}
COLS=120
ROWS=40
SOCKET=shots
SESSION=demo
TIMEOUT=${TIMEOUT:-30}   # seconds to wait for any one screen

export LANG=C.UTF-8 LC_ALL=C.UTF-8

die() { echo "screenshots.sh: $*" >&2; exit 1; }

for tool in swift tmux Xvfb xterm xwininfo /usr/bin/import; do
    command -v "$tool" >/dev/null ||
        die "missing $tool: apt-get install -y --no-install-recommends tmux xvfb xterm x11-utils imagemagick fonts-wqy-zenhei"
done
if tmux -L "$SOCKET" has-session 2>/dev/null; then
    die "a tmux server already runs on socket '$SOCKET' (another run?); end it with: tmux -L $SOCKET kill-server"
fi

# --- cleanup: only what this script started, by PID -------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sesterce-shots.XXXXXX")
SIM_PID='' XVFB_PID='' XTERM_PID='' TMUX_PID='' DASH_PID=''
cleanup() {
    local status=$?
    set +e
    [[ -n $XTERM_PID ]] && kill "$XTERM_PID" 2>/dev/null
    [[ -n $DASH_PID ]] && kill "$DASH_PID" 2>/dev/null
    [[ -n $TMUX_PID ]] && kill "$TMUX_PID" 2>/dev/null
    [[ -n $XVFB_PID ]] && kill "$XVFB_PID" 2>/dev/null
    [[ -n $SIM_PID ]] && kill "$SIM_PID" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- build (SwiftPM waits by itself when another build holds .build) -------
started=$SECONDS
echo "building…"
swift build
DASH=$ROOT/.build/debug/sesterce-dash
SIM=$ROOT/.build/debug/sesterce-sim
[[ -x $DASH && -x $SIM ]] || die "swift build did not produce $DASH and $SIM"

# --- helpers ----------------------------------------------------------------
tm() { tmux -L "$SOCKET" "$@"; }
pane() { tm capture-pane -p -t "$SESSION"; }
keys() { tm send-keys -t "$SESSION" "$@"; }
type_text() { tm send-keys -t "$SESSION" -l "$1"; }

# Waits until every fixed string given shows on the screen.
wait_for() {
    local deadline=$((SECONDS + TIMEOUT)) text pattern missing
    while :; do
        text=$(pane)
        missing=''
        for pattern in "$@"; do
            grep -qF -- "$pattern" <<<"$text" || { missing=$pattern; break; }
        done
        [[ -z $missing ]] && return 0
        if ((SECONDS >= deadline)); then
            printf '%s\n' "$text" >&2
            die "timed out after ${TIMEOUT}s waiting for \"$missing\" (screen above)"
        fi
        sleep 0.1
    done
}

# Waits until none of the fixed strings given shows on the screen.
wait_gone() {
    local deadline=$((SECONDS + TIMEOUT)) text pattern present
    while :; do
        text=$(pane)
        present=''
        for pattern in "$@"; do
            grep -qF -- "$pattern" <<<"$text" && { present=$pattern; break; }
        done
        [[ -z $present ]] && return 0
        if ((SECONDS >= deadline)); then
            printf '%s\n' "$text" >&2
            die "timed out after ${TIMEOUT}s waiting for \"$present\" to go (screen above)"
        fi
        sleep 0.1
    done
}

# Writes NAME.txt and NAME.png of the screen as it is now.
shot() {
    local name=$1 size
    wait_gone 'Refreshing…'   # the short-lived note after `r`
    size=$(tm display-message -p -t "$SESSION" '#{window_width}x#{window_height}')
    [[ $size == "${COLS}x${ROWS}" ]] || die "the window is $size, not ${COLS}x${ROWS}"
    # tmux has the screen (capture-pane showed it); give the xterm client a
    # moment to draw what tmux sent it: there is no way to ask xterm directly.
    sleep 0.3
    pane >"$OUT/$name.txt"
    /usr/bin/import -silent -window "$WINDOW" "$WORK/$name.png"
    # 256 colours are plenty for text on flat colours and keep the files small.
    /usr/bin/convert "$WORK/$name.png" -strip -colors 256 -define png:compression-level=9 "PNG8:$OUT/$name.png"
    echo "  $name  ($(du -k "$OUT/$name.png" | cut -f1) KiB)"
}

# --- the simulator ----------------------------------------------------------
: >"$WORK/sim.out"
"$SIM" --port 0 --seed "$SEED" --speed 0.001 >"$WORK/sim.out" 2>&1 &
SIM_PID=$!
deadline=$((SECONDS + TIMEOUT))
until grep -q '^listening on ' "$WORK/sim.out"; do
    kill -0 "$SIM_PID" 2>/dev/null || { cat "$WORK/sim.out" >&2; die "sesterce-sim exited"; }
    ((SECONDS < deadline)) || die "sesterce-sim did not say where it listens"
    sleep 0.1
done
URL=$(sed -n 's/^listening on //p' "$WORK/sim.out" | head -n 1)
echo "simulator: $URL (seed $SEED)"

# --- the dashboard in a private tmux server --------------------------------
mkdir -p "$WORK/home" "$WORK/config" "$OUT"
printf 'set -g status off\n' >"$WORK/tmux.conf"
# A clean environment: no user config, credentials, theme or NO_COLOR.
tm -f "$WORK/tmux.conf" new-session -d -s "$SESSION" -x "$COLS" -y "$ROWS" \
    env -i PATH="$PATH" HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config" \
    LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color SESTERCE_API_KEY=demo-key \
    SESTERCE_ENDPOINT_KEY=demo-endpoint-key \
    "$DASH" --api-url "$URL"
TMUX_PID=$(tm display-message -p '#{pid}')
DASH_PID=$(tm display-message -p -t "$SESSION" '#{pane_pid}')

# --- an xterm on a private X display, attached read-only -------------------
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$WORK/display" 2>"$WORK/xvfb.log" &
XVFB_PID=$!
deadline=$((SECONDS + TIMEOUT))
until [[ -s $WORK/display ]]; do
    kill -0 "$XVFB_PID" 2>/dev/null || { cat "$WORK/xvfb.log" >&2; die "Xvfb exited"; }
    ((SECONDS < deadline)) || die "Xvfb did not start"
    sleep 0.1
done
export DISPLAY=":$(head -n 1 "$WORK/display")"
# boldColors off: bold text keeps its colour instead of turning bright, as in
# most current terminals (xterm's default draws bold black as grey).
xterm -tn xterm-256color -fa 'DejaVu Sans Mono:pixelsize=16' -geometry "${COLS}x${ROWS}+0+0" \
    -bg black -fg '#e5e5e5' -b 0 -bw 0 +sb -T shot -xrm 'XTerm*boldColors: false' \
    -e tmux -L "$SOCKET" attach -r -t "$SESSION" 2>"$WORK/xterm.log" &
XTERM_PID=$!
deadline=$((SECONDS + TIMEOUT))
WINDOW=''
until [[ -n $WINDOW && -n $(tm list-clients -t "$SESSION") ]]; do
    kill -0 "$XTERM_PID" 2>/dev/null || { cat "$WORK/xterm.log" >&2; die "xterm exited"; }
    ((SECONDS < deadline)) || die "the xterm window did not show up"
    WINDOW=$( (xwininfo -name shot 2>/dev/null || true) | sed -n 's/.*Window id: \(0x[0-9a-f]*\).*/\1/p')
    sleep 0.1
done

echo "shots:"
# 1. Instances. The READY column needs each instance's detail, which comes
#    with a refresh while that row is selected: select each row and refresh.
wait_for 'Instances (' '[S]TATUS' '[R]EADY' '$/[H]' '/day' 'llama70b-eu'
count=$(pane | sed -n 's/.*Instances (\([0-9][0-9]*\)).*/\1/p' | head -n 1)
[[ -n $count ]] || die "no instance count in the title"
header_line=$(pane | grep -n '^\[N\]AME' | head -n 1 | cut -d: -f1)
for ((row = 0; row < count; row++)); do
    ((row > 0)) && keys j
    keys r
    line=$((header_line + 1 + row))
    deadline=$((SECONDS + TIMEOUT))
    # (grep reads a variable, not a pipe: with pipefail, grep -q ending a
    # pipe early could make it fail.)
    until grep -Eq ' [0-9]+/[0-9]+ ' <<<"$(pane | sed -n "${line}p")"; do
        ((SECONDS < deadline)) || { pane >&2; die "no READY for row $((row + 1))"; }
        sleep 0.1
    done
done
keys g
wait_gone 'Refreshing…'
wait_for 'updated 0s ago'
shot 01-instances

# 2. The detail of the partly deployed instance, with its error.
keys /
type_text llama70b
keys Enter
wait_for "Instances (1 of $count)" '/llama70b'
keys Enter
wait_for 'Status       PARTIALLYDEPLOYED' 'Unexpected error occurred' 'Configuration'
shot 02-instance-detail-partial-error
keys Escape
wait_gone 'Configuration'
keys Escape
wait_for "Instances ($count)"

# 3. Regions and their free capacity per hardware.
keys 2
wait_for 'Regions (' '[R]EGION' 'TOT[A]L' 'Paris'
shot 03-regions

# 4. Hardware flavors.
keys 3
wait_for 'Hardware (' 'GPU [M]EM' '8xH100'
shot 04-hardware

# 5. Registries.
keys 5
wait_for 'Registries (' 'ghcr-vllm'
shot 05-registries

# 6. The create form with its live price, for 1 pod and then for 4.
keys 1
wait_for "Instances ($count)"
keys n
wait_for 'New instance' '› Name'
type_text chat-eu
wait_for 'chat-eu' 'Price at max (1 pod): $'
for ((i = 0; i < 40; i++)); do
    grep -qF '› Max pods' <<<"$(pane)" && break
    before=$(pane | grep -F '›' || true)
    keys Tab
    deadline=$((SECONDS + TIMEOUT))
    while [[ $(pane | grep -F '›' || true) == "$before" ]]; do
        ((SECONDS < deadline)) || die "Tab did not move the cursor"
        sleep 0.1
    done
done
wait_for '› Max pods'
keys BSpace
type_text 4
wait_for 'Price at max (4 pods): $'
shot 06-create-form-price
keys Escape
wait_for 'Discard changes'
keys y
wait_gone 'New instance' 'Discard changes'

# 7. The help overlay.
keys '?'
wait_for 'Keys — Esc or ? closes' 'show Instances'
shot 07-help
keys Escape
wait_gone 'Keys — Esc or ? closes'
wait_for "Instances ($count)"

# 9. The Cost pane: what the ledger (a fresh one, in the run's own HOME)
#    recorded during this run, its chart on the last hour.
keys 6
wait_for 'Burn rate ($/h)' 'This month' 'Most this month' 'chat-prod'
for ((i = 0; i < 3; i++)); do keys w; done
wait_for '[last hour]'
shot 09-cost
keys 1

# 9. The playground of chat-prod, mid-reply: its endpoint streams at its
#    hardware's pace (L40S: 320 ms to the first token, 30 tokens a second), and
#    this prompt gets a 91-token reply, about three seconds. The shot is taken
#    once the reply runs over two lines of the transcript, still streaming.
keys /
type_text chat-prod
keys Enter
wait_for "Instances (1 of $count)"
keys p
wait_for 'Playground · chat-prod · llama-3.1-8b-instruct'
type_text 'Explain what a GPU does'
keys Enter
deadline=$((SECONDS + TIMEOUT))
until awk '/│ llama-3.1-8b-instruct/ { label = NR } /▌/ { cursor = NR } END { exit !(label && cursor >= label + 2) }' <<<"$(pane)"; do
    ((SECONDS < deadline)) || { pane >&2; die "no reply streaming"; }
    sleep 0.05
done
shot 09-playground-reply
wait_for 'TTFT' 'tok/s'
wait_gone '▌'

# 10. The probe of the same endpoint: 20 streamed requests, 4 at once, then
#     the percentiles and the histogram of time to first token.
keys Escape
wait_for 'b: probe'
keys b
wait_for 'TTFT histogram' '20 ok, 0 failed'
shot 10-playground-probe
keys Escape
keys Escape
wait_gone 'Playground ·'
keys Escape
wait_for "Instances ($count)"

# 11. Events: a stop timer set on chat-prod with T (the TIMER column shows
#     it), whisper-batch started with s; pane 7 lists both, newest first.
keys g
keys T
wait_for 'Stop timer'
type_text 2h
keys Enter
wait_for 'TI[M]ER'
keys G
keys s
wait_for 'Start whisper-batch'
wait_for 'y confirm'
keys y
wait_for 'Starting whisper-batch'
keys 7
wait_for 'Events (' 'timer set'
shot 11-events
keys 1
wait_for "Instances ($count)"

# 8. Stale data: the simulator goes away; the next refresh fails.
kill "$SIM_PID"
wait "$SIM_PID" 2>/dev/null || true
SIM_PID=''
keys r
wait_for 'stale: updated' 'Refresh failed'
shot 08-stale-error

echo "done in $((SECONDS - started))s: $OUT"

#!/usr/bin/env bash
# The 10-minute soak of the README's "Under faults": the real sesterce-dash in
# tmux against sesterce-sim --instances 500 --error-rate 0.2 --rate-limit 2
# --latency-ms 1500, RSS and CPU sampled every 10 s, then the faults switched
# off and recovery checked. Prints one line per sample and a summary.
#   scripts/soak.sh            10 minutes
#   scripts/soak.sh 1800       30 minutes
# Extra arguments after the duration go to `swift test` (e.g. --scratch-path).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
command -v tmux >/dev/null || { echo "soak.sh needs tmux" >&2; exit 2; }
SESTERCE_SOAK_SECONDS="$seconds" exec swift test --filter SoakTests "$@"

#!/usr/bin/env bash
# Checks sesterce-sim against the project's own spec with schemathesis, the
# property-based tester for OpenAPI services: a fresh simulator on a free
# loopback port, `st run Sources/SesterceAPI/openapi.yaml` with the checks
# below over the coverage and fuzzing phases and the stateful phase (which
# follows the spec's links), then the simulator stopped by its pid. Settings
# that need explaining are in scripts/schemathesis.toml.
# Fails on any failed check and on a "schema validation mismatch" warning
# (the spec accepting requests the simulator refuses).
# The examples phase is left out: it builds requests from the spec's examples
# before any real id is known, so the instance it creates names hardware that
# does not exist and is refused, every time.
#   scripts/schemathesis.sh                 100 examples per operation and phase
#   SCHEMATHESIS_MAX_EXAMPLES=200 scripts/schemathesis.sh
# schemathesis is installed, pinned, into $SCHEMATHESIS_VENV (default
# .venv-st, ignored by git) unless it is there already.
set -euo pipefail
cd "$(dirname "$0")/.."

version=4.32.5
venv="${SCHEMATHESIS_VENV:-.venv-st}"
examples="${SCHEMATHESIS_MAX_EXAMPLES:-100}"
seed="${SCHEMATHESIS_SEED:-1}"
checks=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance
api_key="schemathesis-$$-$RANDOM"

if [ "$("$venv/bin/st" --version 2>/dev/null)" != "st, version $version" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version"
fi

swift build --product sesterce-sim
sim="$(swift build --show-bin-path)/sesterce-sim"

work="$(mktemp -d)"
sim_pid=
stop_sim() {
    if [ -n "$sim_pid" ]; then
        kill "$sim_pid" 2>/dev/null || true
        wait "$sim_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap stop_sim EXIT

# Port 0: the simulator takes a free port and prints the URL it listens on.
# --speed 60: deployments finish within seconds, so start/stop see every state.
"$sim" --port 0 --api-key "$api_key" --speed 60 >"$work/sim.out" 2>&1 &
sim_pid=$!
url=
for _ in $(seq 1 100); do
    url="$(sed -n 's/^listening on //p' "$work/sim.out")"
    [ -n "$url" ] && break
    kill -0 "$sim_pid" 2>/dev/null || { cat "$work/sim.out" >&2; echo "sesterce-sim exited" >&2; exit 1; }
    sleep 0.1
done
[ -n "$url" ] || { echo "sesterce-sim did not start listening within 10 s" >&2; exit 1; }
echo "sesterce-sim (pid $sim_pid) on $url"

started=$SECONDS
set +e
"$venv/bin/st" --no-color --config-file scripts/schemathesis.toml run Sources/SesterceAPI/openapi.yaml \
    --url "$url" \
    --header "x-api-key: $api_key" \
    --header "User-Agent: sesterce-dash-schemathesis" \
    --checks "$checks" \
    --phases coverage,fuzzing,stateful \
    --max-examples "$examples" \
    --seed "$seed" \
    --generation-database none \
    --workers 1 2>&1 | tee "$work/st.out"
status=${PIPESTATUS[0]}
set -e
echo "schemathesis $version: exit $status after $((SECONDS - started)) s"

if grep -qi "schema validation mismatch" "$work/st.out"; then
    echo "FAIL: schemathesis warns of a schema validation mismatch" >&2
    exit 1
fi
if [ "$status" -ne 0 ]; then
    echo "FAIL: schemathesis found failures (exit $status)" >&2
    exit "$status"
fi
echo "OK: no failure, no schema validation mismatch"

#!/usr/bin/env bash
# Installs sesterce-dash and sesterce-sim as native tools under PREFIX
# (default ~/.local): a release build with the Swift runtime linked in
# statically, so the binaries run with no Swift toolchain on PATH (only libc,
# ncurses and what Foundation needs, libcurl and libxml2, stay dynamic), plus
# completions for bash, zsh and fish and a man page, both generated from the
# command definitions by ArgumentParser so they never drift.
#   scripts/install.sh                   into ~/.local
#   PREFIX=/usr/local scripts/install.sh
# Uninstall: scripts/install.sh --uninstall (same PREFIX) removes exactly
# the files it installs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
prefix="${PREFIX:-$HOME/.local}"

files=(
    bin/sesterce-dash
    bin/sesterce-sim
    share/bash-completion/completions/sesterce-dash
    share/zsh/site-functions/_sesterce-dash
    share/fish/vendor_completions.d/sesterce-dash.fish
    share/man/man1/sesterce-dash.1
)

if [ "${1:-}" = "--uninstall" ]; then
    for file in "${files[@]}"; do rm -f "$prefix/$file"; done
    echo "removed sesterce-dash from $prefix"
    exit 0
fi
[ $# -eq 0 ] || { echo "usage: [PREFIX=DIR] scripts/install.sh [--uninstall]" >&2; exit 2; }

# A build folder of its own: the static runtime changes every object file, so
# sharing .build would undo the usual release build and be undone by it.
scratch=.build-install
swift build -c release --static-swift-stdlib --scratch-path "$scratch" \
    --product sesterce-dash >&2
swift build -c release --static-swift-stdlib --scratch-path "$scratch" \
    --product sesterce-sim >&2
swift build -c release --scratch-path "$scratch" --product generate-manual >&2
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
"$bin/generate-manual" "$bin/sesterce-dash" --output-directory "$staging" >&2

mkdir -p "$prefix/bin" "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" \
    "$prefix/share/fish/vendor_completions.d" "$prefix/share/man/man1"
install -s -m 0755 "$bin/sesterce-dash" "$bin/sesterce-sim" "$prefix/bin/"
"$bin/sesterce-dash" --generate-completion-script bash >"$prefix/share/bash-completion/completions/sesterce-dash"
"$bin/sesterce-dash" --generate-completion-script zsh >"$prefix/share/zsh/site-functions/_sesterce-dash"
"$bin/sesterce-dash" --generate-completion-script fish >"$prefix/share/fish/vendor_completions.d/sesterce-dash.fish"
install -m 0644 "$staging/sesterce-dash.1" "$prefix/share/man/man1/sesterce-dash.1"

echo "installed $("$prefix/bin/sesterce-dash" --version) into $prefix:"
for file in "${files[@]}"; do echo "  $prefix/$file"; done

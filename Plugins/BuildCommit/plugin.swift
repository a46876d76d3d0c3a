import Foundation
import PackagePlugin

/// Writes `BuildCommit.swift` before every build of the target it serves:
/// `let buildCommit = "<commit>"`, the checkout's `git` commit (with
/// `-dirty` when tracked files have changed), or "unknown" outside a git
/// checkout, so that `--version` says what an installed binary was built
/// from. The file is rewritten only when the commit changed, so an unchanged
/// checkout recompiles nothing.
@main
struct BuildCommit: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let directory = context.pluginWorkDirectoryURL.appending(path: "generated")
        let output = directory.appending(path: "BuildCommit.swift")
        let script = #"""
            commit=$(git -C "$1" rev-parse --short=12 HEAD 2>/dev/null) || commit=unknown
            if [ "$commit" != unknown ] && [ -n "$(git -C "$1" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
                commit="$commit-dirty"
            fi
            line="let buildCommit = \"$commit\""
            mkdir -p "$(dirname "$2")"
            [ "$(cat "$2" 2>/dev/null)" = "$line" ] || printf '%s\n' "$line" > "$2"
            """#
        return [
            .prebuildCommand(
                displayName: "Stamping the git commit",
                executable: URL(filePath: "/bin/sh"),
                arguments: ["-c", script, "sh", context.package.directoryURL.path, output.path],
                outputFilesDirectory: directory),
        ]
    }
}

import ArgumentParser
import GitIntegration

extension Quire.Git {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how git is set up for quire; exit 1 unless fully installed.",
            discussion: """
                Reports the filter and textconv settings git will use here (and the scope each \
                comes from), the attributes git applies to notebooks and the files that set them, \
                and whether git can find quire on PATH.

                Example:
                  quire git status
                """
        )

        func run() throws {
            let status: GitIntegrationStatus
            do throws(GitError) {
                status = try GitIntegrationStatus.read()
            } catch {
                throw Quire.Git.failure(error)
            }
            for line in Self.render(status) { Console.output(line) }
            if !status.isFullyInstalled { throw ExitCode(1) }
        }

        static func render(_ status: GitIntegrationStatus) -> [String] {
            var lines = ["repository: " + (status.repository ?? "(none: not inside a git repository)")]
            lines.append("config:")
            for item in status.config {
                let mark = item.isConfigured ? "ok     " : "MISSING"
                let actual = item.actual.last.map { "\($0.value)  [\($0.scope)]" } ?? "(not set)"
                let expected = item.isConfigured ? "" : "  (expected: \(item.expected))"
                lines.append("  \(mark) \(item.key) = \(actual)\(expected)")
            }
            lines.append("attributes:")
            if status.repository != nil {
                for name in ["filter", "diff"] {
                    let value = status.attributes[name] ?? "unspecified"
                    let mark = value == "quire" ? "ok     " : "MISSING"
                    lines.append("  \(mark) *.ipynb \(name)=\(value)")
                }
            }
            if status.attributeFiles.isEmpty {
                lines.append("  no attributes file holds quire's lines")
            }
            for location in status.attributeFiles {
                lines.append("  \(location.file): \(location.lines.joined(separator: "; "))")
            }
            lines.append("quire on PATH: " + (status.quirePath ?? "NO (git cannot run the filter)"))
            if !status.installedScopes.isEmpty {
                lines.append("installed by 'quire git install' in: \(status.installedScopes.joined(separator: ", ")) config")
            }
            lines.append(
                status.isFullyInstalled
                    ? "quire is fully set up for git here"
                    : "quire is not fully set up for git here; run 'quire git install' (or --global)")
            return lines
        }
    }
}

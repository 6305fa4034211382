import ArgumentParser
import GitIntegration

extension Quire.Git {
    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Configure git to clean notebooks on commit and to diff them cleaned.",
            discussion: """
                Sets filter.quire.process, .clean, .smudge and .required and diff.quire.textconv in \
                the repository's git config (or ~/.gitconfig with --global), and adds \
                '*.ipynb filter=quire' and '*.ipynb diff=quire' to .git/info/attributes (with \
                --global: core.attributesFile, else ~/.config/git/attributes). Running it again \
                changes nothing. What it changes is recorded in the git config entry \
                quire.installed, so 'quire git uninstall' can undo exactly that.

                Examples:
                  quire git install
                  quire git install --attributes .gitattributes
                  quire git install --global
                """
        )

        @Flag(help: "Configure git for all of this user's repositories instead of this one.")
        var global = false

        @Option(help: ArgumentHelp("Write the attribute lines to this file (for example .gitattributes, to commit them).", valueName: "file"))
        var attributes: String?

        func run() throws {
            do throws(GitError) {
                let report = try GitInstaller(scope: global ? .global : .local).install(attributesFile: attributes)
                Quire.Git.print(report)
            } catch {
                throw Quire.Git.failure(error)
            }
        }
    }
}

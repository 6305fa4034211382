import ArgumentParser
import GitIntegration

extension Quire.Git {
    struct Uninstall: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Undo exactly what 'quire git install' changed.",
            discussion: """
                Removes the config keys install added, gives keys it replaced their earlier values, \
                removes the attribute lines it added (and an attributes file it created), and removes \
                config sections it created. Settings changed by hand since install are left alone, \
                with a warning.

                Examples:
                  quire git uninstall
                  quire git uninstall --global
                """
        )

        @Flag(help: "Undo a 'quire git install --global'.")
        var global = false

        func run() throws {
            do throws(GitError) {
                Quire.Git.print(try GitInstaller(scope: global ? .global : .local).uninstall())
            } catch {
                throw Quire.Git.failure(error)
            }
        }
    }
}

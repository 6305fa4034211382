import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

@main
enum Main {
    static func main() {
        // quire runs once per notebook under pre-commit and git; the common invocations skip
        // ArgumentParser's reflection, which costs more than cleaning a small notebook.
        if let command = FastCommandLine.parse(Array(CommandLine.arguments.dropFirst())) {
            do {
                try command.run()
                exit(0)
            } catch let code as ExitCode {
                exit(code.rawValue)
            } catch {
                Quire.exit(withError: error)
            }
        }
        Quire.main()
    }
}

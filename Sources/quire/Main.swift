import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

@main
enum Main {
    static func main() {
        // Blocks of 256 KB and more get their own mappings, returned to the system when freed.
        // glibc would otherwise raise this threshold after freeing a big block (a notebook's
        // bytes) and keep the next ones in its heap, so peak memory would hold freed copies.
        _ = glibcMallopt(-3, 256 * 1024)  // -3: M_MMAP_THRESHOLD in <malloc.h>
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

/// glibc's `mallopt`, which the Glibc module does not export.
@_silgen_name("mallopt")
func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32

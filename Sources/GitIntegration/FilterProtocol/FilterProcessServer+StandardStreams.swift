#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FilterProcessServer where Source == FileDescriptorSource, Sink == FileDescriptorSink {
    /// Serves git on stdin/stdout until it closes the pipe. Returns the exit status: 0 when git
    /// ends the conversation (even abruptly), 1 after a protocol error, which goes to `warn`.
    public static func serveStandardStreams(filter: NotebookFilter, warn: @escaping (String) -> Void) -> Int32 {
        // A closed pipe must end the process quietly, not kill it with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        var server = FilterProcessServer(
            source: FileDescriptorSource(0), sink: FileDescriptorSink(1), filter: filter, warn: warn)
        do throws(FilterProtocolError) {
            try server.run()
            return 0
        } catch {
            if error.kind == .closed { return 0 }
            warn("quire: \(error)")
            return 1
        }
    }
}

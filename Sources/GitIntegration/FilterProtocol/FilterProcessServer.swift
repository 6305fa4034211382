/// git's long-running filter process (`filter.<driver>.process`, protocol version 2): one
/// process serves every file of a git command. See gitattributes(5), "Long Running Filter
/// Process". Clean runs the notebook cleaner; smudge gives the content back unchanged.
public struct FilterProcessServer<Source: ByteSource, Sink: ByteSink> {
    private var reader: PktLineReader<Source>
    public private(set) var sink: Sink
    public let filter: NotebookFilter
    private let warn: (String) -> Void
    /// The capabilities agreed with git during the handshake.
    public private(set) var capabilities: [String] = []
    /// How many files have been answered.
    public private(set) var filesServed = 0

    static var supportedCapabilities: [String] { ["clean", "smudge"] }

    /// `warn` receives the passthrough warnings (the CLI prints them on stderr).
    public init(source: Source, sink: Sink, filter: NotebookFilter, warn: @escaping (String) -> Void) {
        self.reader = PktLineReader(source)
        self.sink = sink
        self.filter = filter
        self.warn = warn
    }

    /// Serves git until it closes the pipe.
    public mutating func run() throws(FilterProtocolError) {
        try handshake()
        while try serveNext() {}
    }

    mutating func handshake() throws(FilterProtocolError) {
        guard let welcome = try reader.readTextList() else {
            throw FilterProtocolError(.closed, "git closed the pipe before the handshake")
        }
        guard welcome.first == "git-filter-client" else {
            let got = welcome.first.map { "'\($0)'" } ?? "an empty list"
            throw FilterProtocolError(
                .malformed,
                "expected 'git-filter-client' from git, got \(got); this command is meant for git's filter.<driver>.process setting"
            )
        }
        guard welcome.dropFirst().contains("version=2") else {
            throw FilterProtocolError(.malformed, "git offers \(welcome.dropFirst().joined(separator: ", ")); quire speaks version=2")
        }
        var reply: [UInt8] = []
        PktLine.appendText("git-filter-server", to: &reply)
        PktLine.appendText("version=2", to: &reply)
        PktLine.appendFlush(to: &reply)
        try sink.write(reply)

        guard let offered = try reader.readTextList() else {
            throw FilterProtocolError(.closed, "git closed the pipe during the handshake")
        }
        let offeredNames = offered.compactMap { line in
            line.hasPrefix("capability=") ? String(line.dropFirst("capability=".count)) : nil
        }
        capabilities = Self.supportedCapabilities.filter(offeredNames.contains)
        reply = []
        for capability in capabilities {
            PktLine.appendText("capability=" + capability, to: &reply)
        }
        PktLine.appendFlush(to: &reply)
        try sink.write(reply)
    }

    /// Answers one command; false when git has closed the pipe.
    mutating func serveNext() throws(FilterProtocolError) -> Bool {
        guard let header = try reader.readTextList() else { return false }
        var command = ""
        var pathname = ""
        for line in header {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals]
            let value = String(line[line.index(after: equals)...])
            if key == "command" { command = value } else if key == "pathname" { pathname = value }
        }
        switch command {
        case "clean", "smudge":
            let content = try reader.readContent()
            if !capabilities.contains(command) {
                try refuse()
            } else if command == "clean" {
                let result = filter.clean(content, path: pathname)
                if let warning = result.warning { warn(warning) }
                try respond(with: result.output)
            } else {
                try respond(with: content)
            }
        default:
            // No other command was announced, and none of them sends content.
            try refuse()
        }
        filesServed += 1
        return true
    }

    private mutating func refuse() throws(FilterProtocolError) {
        var reply: [UInt8] = []
        PktLine.appendText("status=error", to: &reply)
        PktLine.appendFlush(to: &reply)
        try sink.write(reply)
    }

    /// `status=success`, flush, the content, flush, and an empty list (the status stands).
    private mutating func respond(with content: [UInt8]) throws(FilterProtocolError) {
        var reply: [UInt8] = []
        PktLine.appendText("status=success", to: &reply)
        PktLine.appendFlush(to: &reply)
        PktLine.appendContent(content, to: &reply)
        PktLine.appendFlush(to: &reply)
        PktLine.appendFlush(to: &reply)
        try sink.write(reply)
    }
}

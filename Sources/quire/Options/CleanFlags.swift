import ArgumentParser
import NotebookFormat
import QuireConfig

/// The flags of `quire clean`, named as nbstripout names them.
struct CleanFlags: ParsableArguments {
    @Flag(inversion: .prefixedNo, help: "Keep all outputs (only counts and metadata are stripped).")
    var keepOutput: Bool?

    @Flag(inversion: .prefixedNo, help: "Keep execution counts.")
    var keepCount: Bool?

    @Option(help: ArgumentHelp("More keys to strip, space-separated: 'metadata.foo cell.metadata.bar'.", valueName: "keys"))
    var extraKeys: [String] = []

    @Option(help: ArgumentHelp("Keys not to strip, even defaults: 'cell.metadata.collapsed'.", valueName: "keys"))
    var keepMetadataKeys: [String] = []

    @Flag(inversion: .prefixedNo, help: "Remove cells whose source is empty or only whitespace.")
    var dropEmptyCells: Bool?

    @Option(help: ArgumentHelp("Remove cells with any of these tags (space-separated).", valueName: "tags"))
    var dropTaggedCells: [String] = []

    @Flag(inversion: .prefixedNo, help: "Strip outputs of cells marked init_cell too.")
    var stripInitCells: Bool?

    @Option(help: ArgumentHelp("Output types to keep while stripping, e.g. 'stream' or 'stream:stderr'.", valueName: "type"))
    var keepOutputType: [String] = []

    @Option(help: ArgumentHelp("Output types to remove even when keeping outputs, e.g. 'stream:stderr'.", valueName: "type"))
    var dropOutputType: [String] = []

    @Option(help: ArgumentHelp("Keep outputs up to this size: 500, 10k, 1M, 1G (default 0: strip all).", valueName: "size"))
    var maxSize: String?

    func validate() throws {
        if let maxSize, SizeParser.parse(maxSize) == nil {
            throw ValidationError("--max-size '\(maxSize)' is not a size; use a number with an optional k, M or G suffix")
        }
    }

    /// The options from configuration files, with these flags on top.
    func resolve() throws -> CleanOptions {
        var settings: [(String, TOMLValue)] = []
        let switches = [("keep-output", keepOutput), ("keep-count", keepCount), ("drop-empty-cells", dropEmptyCells), ("strip-init-cells", stripInitCells)]
        for case (let key, let value?) in switches { settings.append((key, .bool(value))) }
        let lists = [("extra-keys", extraKeys), ("keep-metadata-keys", keepMetadataKeys), ("drop-tagged-cells", dropTaggedCells), ("keep-output-type", keepOutputType), ("drop-output-type", dropOutputType)]
        for (key, values) in lists { settings += values.map { (key, .string($0)) } }
        if let maxSize { settings.append(("max-size", .string(maxSize))) }
        return try CleanFlags.options(applying: settings)
    }

    /// The settings file's options with command-line settings applied on top; a broken settings
    /// file is reported and exits 64.
    static func options(applying settings: [(String, TOMLValue)]) throws -> CleanOptions {
        do {
            var options = try CleanConfiguration.load()
            for (key, value) in settings {
                try CleanConfiguration.apply(SettingReader(source: "command line", key: key, value: value), to: &options, appending: true)
            }
            return options
        } catch let error as ConfigurationError {
            Console.error("quire: \(error)")
            throw ExitCode(64)
        }
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
    }
}

/// nbstripout's sizes: a number with an optional k, M or G suffix (powers of 1000).
enum SizeParser {
    static func parse(_ text: String) -> Int? {
        let multipliers: [Character: Int] = ["k": 1_000, "K": 1_000, "m": 1_000_000, "M": 1_000_000, "g": 1_000_000_000, "G": 1_000_000_000]
        guard let last = text.last else { return nil }
        if let multiplier = multipliers[last] {
            return Int(text.dropLast()).map { $0 * multiplier }
        }
        return Int(text)
    }
}

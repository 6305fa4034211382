import ArgumentParser
import NotebookFormat

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
        var options: CleanOptions
        do {
            options = try CleanConfiguration.load()
        } catch let error as ConfigurationError {
            Console.error("quire: \(error)")
            throw ExitCode(64)
        }
        if let keepOutput { options.keepOutput = keepOutput }
        if let keepCount { options.keepCount = keepCount }
        options.extraKeys += extraKeys.flatMap(Self.words)
        options.keepMetadataKeys += keepMetadataKeys.flatMap(Self.words)
        if let dropEmptyCells { options.dropEmptyCells = dropEmptyCells }
        options.dropTaggedCells += dropTaggedCells.flatMap(Self.words)
        if let stripInitCells { options.stripInitCells = stripInitCells }
        options.keepOutputTypes += keepOutputType.flatMap(Self.words)
        options.dropOutputTypes += dropOutputType.flatMap(Self.words)
        if let maxSize, let size = SizeParser.parse(maxSize) { options.maxSize = size }
        return options
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

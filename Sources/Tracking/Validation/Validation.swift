/// The checks every store applies before writing, with MLflow's messages. Lengths count
/// Unicode scalars, as Python's `len` does.
public enum Validation {
    /// What a key names, for messages: `Invalid metric name: 'a..b'`.
    public enum KeyKind: String, Sendable {
        case metric, param, tag

        var lengthLabel: String {
            switch self {
            case .metric: "Metric name"
            case .param: "Param key"
            case .tag: "Tag key"
            }
        }
    }

    /// A metric, param or tag key: MLflow's characters (`^[/\w.\- :]*$`), at most 250 long,
    /// and one that a file system path would not rewrite (no `..`, no leading `/`, no `//`).
    public static func key(_ key: String, kind: KeyKind) throws(TrackingError) {
        guard key.unicodeScalars.allSatisfy(isKeyScalar) else {
            throw .invalidParameter(
                "Invalid \(kind.rawValue) name: '\(key)'. Names may only contain alphanumerics, underscores (_), "
                    + "dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).")
        }
        let normalized = PosixPath.normalize(key)
        if normalized != key || normalized == "." || normalized.hasPrefix("..") || normalized.hasPrefix("/") {
            throw .invalidParameter(
                "Invalid \(kind.rawValue) name: '\(key)'. Names may be treated as files in certain cases, and must "
                    + "not resolve to other names when treated as such. This name would resolve to '\(normalized)'")
        }
        try length(key, limit: TrackingLimits.maxKeyLength, label: kind.lengthLabel)
    }

    /// A run id as MLflow accepts it: `^[a-zA-Z0-9][\w\-]{0,255}$`.
    public static func runId(_ id: String) throws(TrackingError) {
        let scalars = Array(id.unicodeScalars)
        guard let first = scalars.first, first.isASCII, first.properties.isAlphabetic || isDigit(first),
            scalars.count <= 256, scalars.dropFirst().allSatisfy({ isWordScalar($0) || $0 == "-" })
        else { throw .invalidParameter("Invalid value \"\(id)\" for parameter 'run_id' supplied.") }
    }

    /// An experiment name: not empty, at most 500 long.
    public static func experimentName(_ name: String) throws(TrackingError) {
        if name.isEmpty { throw .invalidParameter("Invalid experiment name: '\(name)'") }
        try length(name, limit: TrackingLimits.maxExperimentNameLength, label: "Experiment name")
    }

    /// `max_results` of a search: 1...50000, 1000 when absent.
    public static func maxResults(_ value: Int?, limit: Int = TrackingLimits.searchMaxResultsThreshold)
        throws(TrackingError) -> Int
    {
        guard let value else { return min(TrackingLimits.searchMaxResultsDefault, limit) }
        guard value > 0 else {
            throw .invalidParameter(
                "Invalid value \(value) for parameter 'max_results' supplied. It must be a positive integer")
        }
        guard value <= limit else {
            throw .invalidParameter(
                "Invalid value \(value) for parameter 'max_results' supplied. It must be at most \(limit)")
        }
        return value
    }

    static func length(_ value: String, limit: Int, label: String) throws(TrackingError) {
        let count = value.unicodeScalars.count
        if count > limit {
            throw .invalidParameter(
                "\(label) '\(String(value.unicodeScalars.prefix(250)))' had length \(count), "
                    + "which exceeded length limit of \(limit)")
        }
    }

    /// `value` cut to `limit` Unicode scalars.
    public static func truncated(_ value: String, to limit: Int) -> String {
        var scalars = value.unicodeScalars
        guard scalars.count > limit else { return value }
        scalars.removeSubrange(scalars.index(scalars.startIndex, offsetBy: limit)...)
        return String(scalars)
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s == "_" || s.properties.isAlphabetic || s.properties.numericType != nil
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

    static func isKeyScalar(_ s: Unicode.Scalar) -> Bool {
        isWordScalar(s) || s == "/" || s == "." || s == "-" || s == " " || s == ":"
    }
}

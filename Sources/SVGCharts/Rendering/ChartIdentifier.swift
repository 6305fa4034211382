import StableHash

/// Ids for a chart's `<title>`/`<desc>`: unique per chart on a page, stable for the same chart.
enum ChartIdentifier {
    /// `options.identifier` restricted to `[A-Za-z0-9_-]`, or "qc-" and a 64-bit FNV-1a hash of the title,
    /// series names and options.
    static func make(series: [ChartSeries], options: LineChartOptions) -> String {
        let requested = String(options.identifier.unicodeScalars.filter(isIdentifierScalar).map(Character.init))
        if !requested.isEmpty { return requested }
        var hash = FNV1a()
        hash.combine(options.title)
        for item in series { hash.combine(item.name) }
        hash.combine("\(options.width)x\(options.height) \(options.xAxis) \(options.smoothing) \(options.compact)")
        return "qc-" + hash.hex
    }

    private static func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "-": true
        default: false
        }
    }
}

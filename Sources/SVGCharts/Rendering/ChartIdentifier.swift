/// Ids for a chart's `<title>`/`<desc>`: unique per chart on a page, stable for the same chart.
enum ChartIdentifier {
    /// `options.identifier` restricted to `[A-Za-z0-9_-]`, or "qc-" and a 64-bit FNV-1a hash of the title,
    /// series names and options.
    static func make(series: [ChartSeries], options: LineChartOptions) -> String {
        let requested = String(options.identifier.unicodeScalars.filter(isIdentifierScalar).map(Character.init))
        if !requested.isEmpty { return requested }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            hash = (hash ^ 0xff) &* 0x100_0000_01b3  // separator, so ("ab","c") differs from ("a","bc")
        }
        mix(options.title)
        for item in series { mix(item.name) }
        mix("\(options.width)x\(options.height) \(options.xAxis) \(options.smoothing) \(options.compact)")
        let digits = String(hash, radix: 16)
        return "qc-" + String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "-": true
        default: false
        }
    }
}

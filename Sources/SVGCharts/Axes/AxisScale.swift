/// A tick on an axis: where it is and what it says.
public struct AxisTick: Sendable, Hashable {
    /// The position in data units.
    public var value: Double
    /// The label, already compact ("0.2", "1.5k", "18:05").
    public var label: String

    /// Creates a tick.
    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}

/// An axis's domain and ticks, as ``AxisTicks`` chooses them.
public struct AxisScale: Sendable, Hashable {
    /// The low end of the domain in data units (finite).
    public var low: Double
    /// The high end of the domain in data units (finite, above `low`).
    public var high: Double
    /// The ticks, ascending, inside `low...high`.
    public var ticks: [AxisTick]
    /// Context the labels leave out, e.g. the UTC date under HH:MM ticks; may be empty.
    public var caption: String

    /// Creates a scale.
    public init(low: Double, high: Double, ticks: [AxisTick], caption: String = "") {
        self.low = low
        self.high = high
        self.ticks = ticks
        self.caption = caption
    }

    /// Maps a data value onto `start...end` (pixels); halves first so that spans near `Double.greatestFiniteMagnitude`
    /// do not overflow.
    func position(of value: Double, from start: Double, to end: Double) -> Double {
        let halfSpan = high / 2 - low / 2
        guard halfSpan > 0 else { return (start + end) / 2 }
        return start + (value / 2 - low / 2) / halfSpan * (end - start)
    }
}

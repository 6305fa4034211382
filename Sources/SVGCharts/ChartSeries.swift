/// One sample of a series: `x` is a step or milliseconds since the Unix epoch, `y` the value.
public struct ChartPoint: Sendable, Hashable {
    /// The position along the x axis (a step, or milliseconds since the Unix epoch for ``ChartXAxis/time``).
    public var x: Double
    /// The value; non-finite values are allowed and are left out of the drawing.
    public var y: Double

    /// Creates a point.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A named line; its points are in x order.
public struct ChartSeries: Sendable, Hashable {
    /// The name shown in the legend, the hover values and the text alternative (user data: escaped on output).
    public var name: String
    /// The samples, in x order.
    public var points: [ChartPoint]

    /// Creates a series.
    public init(name: String, points: [ChartPoint]) {
        self.name = name
        self.points = points
    }
}

/// What the x values mean.
public enum ChartXAxis: Sendable, Hashable {
    /// Steps (plain numbers).
    case step
    /// Milliseconds since the Unix epoch; ticks fall on round UTC times.
    case time
}

/// One point of a metric's time series. `value` may be NaN or ±infinity.
public struct Metric: Sendable, Hashable {
    public var key: String
    public var value: Double
    /// Milliseconds since the Unix epoch.
    public var timestamp: Int64
    public var step: Int64

    public init(key: String, value: Double, timestamp: Int64, step: Int64 = 0) {
        self.key = key
        self.value = value
        self.timestamp = timestamp
        self.step = step
    }

    /// MLflow's rule for the latest value of a key: the larger step wins, then the larger
    /// timestamp, then the larger value. A NaN value ranks below every number here, so that
    /// the rule is a total order and every store agrees on it.
    public func isNewer(than other: Metric) -> Bool {
        if step != other.step { return step > other.step }
        if timestamp != other.timestamp { return timestamp > other.timestamp }
        switch (value.isNaN, other.value.isNaN) {
        case (true, _): return false
        case (false, true): return true
        case (false, false): return value > other.value
        }
    }

    /// Equality that treats two NaN values as the same point (Double's `==` does not),
    /// so logging the same NaN point twice keeps one copy, as MLflow's primary key does.
    public func isSamePoint(as other: Metric) -> Bool {
        key == other.key && step == other.step && timestamp == other.timestamp
            && (value == other.value || (value.isNaN && other.value.isNaN))
    }
}

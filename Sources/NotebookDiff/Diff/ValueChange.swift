/// A value before and after, for fields that are compared as a whole (a cell's id, its
/// execution count, the nbformat version). `nil` stands for a missing key.
public struct ValueChange<Value: Sendable & Equatable>: Sendable, Equatable {
    public var old: Value
    public var new: Value

    public init(_ old: Value, _ new: Value) {
        self.old = old
        self.new = new
    }

    /// The change, or nil when both sides are equal.
    public static func between(_ old: Value, _ new: Value) -> ValueChange? {
        old == new ? nil : ValueChange(old, new)
    }
}

/// Where an element sits in both sequences of a sequence diff.
///
/// For a matched element both are its indices. For a deleted element `old` is its index and
/// `new` the index it would have had in the new sequence; for an inserted one `new` is its index
/// and `old` the index of the old element it is inserted before (the old count at the end), which
/// is the key nbdime's `addrange` uses.
public struct SequencePosition: Sendable, Equatable, Hashable {
    public var old: Int
    public var new: Int

    public init(old: Int, new: Int) {
        self.old = old
        self.new = new
    }
}

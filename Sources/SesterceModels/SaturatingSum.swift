extension Sequence where Element == Int {
    /// The sum, held at `Int.max` / `Int.min` instead of trapping: pod counts
    /// and capacities come from the service and from what people type, and
    /// neither may crash the dashboard.
    public var saturatingSum: Int {
        reduce(0) { $0.saturatingAdding($1) }
    }
}

extension Int {
    /// `self + other`, held at the bounds instead of trapping on overflow.
    public func saturatingAdding(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }
}

/// The requests waiting for their turn, and which one goes next: the most
/// urgent (lowest priority value), first come first served within a
/// priority, except that one which has waited `longestWait` goes ahead of
/// all. A plain value, so that the order is tested without a clock.
struct RequestQueue<Priority: Comparable> {
    struct Entry {
        var priority: Priority
        var number: Int
        var since: ContinuousClock.Instant
    }

    let longestWait: Duration
    /// In the order they would go without aging: by priority, then arrival.
    private(set) var entries: [Entry] = []
    private var arrivals = 0

    init(longestWait: Duration) {
        self.longestWait = longestWait
    }

    var isEmpty: Bool { entries.isEmpty }

    /// Queues a request; its number, to take it out again.
    mutating func add(_ priority: Priority, at time: ContinuousClock.Instant) -> Int {
        arrivals += 1
        let index = entries.firstIndex { $0.priority > priority } ?? entries.endIndex
        entries.insert(Entry(priority: priority, number: arrivals, since: time), at: index)
        return arrivals
    }

    /// Takes out the request that goes at `time`; nil when none waits.
    mutating func next(at time: ContinuousClock.Instant) -> Int? {
        guard let oldest = entries.indices.min(by: { entries[$0].number < entries[$1].number }) else { return nil }
        let index = time - entries[oldest].since >= longestWait ? oldest : entries.startIndex
        return entries.remove(at: index).number
    }

    /// Takes out request `number` (its caller gave up); false if it had gone.
    mutating func remove(_ number: Int) -> Bool {
        guard let index = entries.firstIndex(where: { $0.number == number }) else { return false }
        entries.remove(at: index)
        return true
    }
}

/// Work `reduce` asks for, as values: the `EffectRunner` performs it and sends
/// the outcome back as an `Action`. Tests compare effects instead of doing I/O.
public enum Effect: Equatable, Sendable {
    /// The instance list, with the detail of one instance in the same poll.
    case pollInstances(detailId: String?)
    case fetchDetail(id: String)
    /// Models, hardware, regions and registries.
    case pollCatalog
    /// One-pod price of each hardware id, asked in the given region.
    case fetchHardwarePrices([PriceProbe])
    /// Send `.pollDue(kind, token)` after `after` seconds.
    case schedule(PollKind, after: Double, token: Int)
    case perform(Mutation)
    /// Send `.priceDue(token)` after `after` seconds (the debounce of a price preview).
    case schedulePrice(after: Double, token: Int)
    /// Ask the pricing endpoint, answering `.priceQuoted(token, …)`.
    case quotePrice(PriceQuery, token: Int)
    case quit
}

/// The two things polled on their own timers.
public enum PollKind: Hashable, Sendable {
    case instances, catalog
}

import SesterceModels

/// What the pricing endpoint said about a configuration: the quote at max
/// scale, and the hourly price at min scale.
public struct PriceEstimate: Equatable, Sendable {
    public var atMax: PriceQuote
    public var perHourAtMin: Double
    public var maxPods: Int
    public var minPods: Int

    public init(atMax: PriceQuote, perHourAtMin: Double, maxPods: Int, minPods: Int) {
        self.atMax = atMax
        self.perHourAtMin = perHourAtMin
        self.maxPods = maxPods
        self.minPods = minPods
    }
}

/// The live price of an instance form: asked again (after a short pause in
/// typing) whenever what it depends on changes. An older figure stays shown,
/// marked as updating, until the new one arrives; a failure is shown, not hidden.
public struct PricePreview: Equatable, Sendable {
    /// What the shown (or awaited) price is for; nil while the form is too
    /// incomplete to price (the last estimate is kept, to show as updating).
    public var query: PriceQuery?
    /// Numbers each request; only the answer to the latest one is kept.
    public var token = 0
    public var estimate: PriceEstimate?
    public var isUpdating = false
    public var error: APIError?

    public init() {}

    /// Seconds of calm before asking: typing "12" asks once, not twice.
    static let debounce = 0.3

    /// Notes a new query; returns the effect that asks for it after the pause,
    /// or nothing when the query did not change.
    mutating func change(to newQuery: PriceQuery?) -> [Effect] {
        guard newQuery != query else { return [] }
        query = newQuery
        token += 1
        error = nil
        guard newQuery != nil else {
            isUpdating = false
            return []
        }
        isUpdating = true
        return [.timer(.priceDebounce, after: Self.debounce, action: .priceDue(token: token))]
    }

    /// The line pinned under the form.
    var summary: FormSummary {
        if let error { return FormSummary("Price unavailable: \(error)", tone: .error) }
        if query == nil { return FormSummary("Price: choose hardware, regions and valid pod counts to see it", tone: .muted) }
        guard let estimate else { return FormSummary("Price: asking…", tone: .muted) }
        let quote = estimate.atMax
        let text = "Price at max (\(estimate.maxPods) pod\(estimate.maxPods == 1 ? "" : "s")): "
            + "\(Formatting.money(quote.pricePerHour))/h · \(Formatting.money(quote.pricePerMonth))/month"
            + " · at min (\(estimate.minPods)): \(Formatting.money(estimate.perHourAtMin))/h"
        return isUpdating ? FormSummary(text + " · updating…", tone: .muted) : FormSummary(text, tone: .accent)
    }
}

import SesterceAPI

/// The JSON of `start` and `stop`: which action the service accepted, for which id.
public struct InstanceActionRecord: Encodable, Equatable, Sendable {
    public var action: String
    public var id: String
}

/// The JSON of `price`: the quote and the configuration it is for. Money in
/// the quote's currency (dollars on Sesterce).
public struct PriceRecord: Encodable, Equatable, Sendable {
    public var hardwareId: String
    public var regionIds: [Int]
    public var maxPods: Int
    public var currencyCode: String
    public var pricePerHour: Double
    public var pricePerMonth: Double

    public init(_ quote: PriceQuote, hardwareId: String, regionIds: [Int], maxPods: Int) {
        self.hardwareId = hardwareId
        self.regionIds = regionIds
        self.maxPods = maxPods
        currencyCode = quote.currencyCode
        pricePerHour = quote.pricePerHour
        pricePerMonth = quote.pricePerMonth
    }
}

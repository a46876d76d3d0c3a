import DashboardCore
import Foundation
import SesterceAPI

/// The four lists of a fixture's catalog, which four polls bring one by one.
struct CatalogLists {
    var models: Result<[InferenceModel], APIError>
    var hardware: Result<[HardwareFlavor], APIError>
    var regions: Result<[Region], APIError>
    var registries: Result<[Registry], APIError>

    var polled: [CatalogList] {
        [.models(models), .hardware(hardware), .regions(regions), .registries(registries)]
    }
}

extension State {
    /// Receives every list as its poll would bring it; the effects of all four.
    @discardableResult
    mutating func receive(_ catalog: CatalogLists, at time: Date) -> [Effect] {
        catalog.polled.flatMap { reduce(&self, .catalogPolled($0, at: time)) }
    }
}

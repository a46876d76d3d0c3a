import DashboardCore
import Foundation

extension State {
    /// A dashboard as it stands once running: sized like the terminal, launched,
    /// catalog and prices loaded, and the instance list of one poll received,
    /// on the instances pane. Built through `reduce`, as the app builds it.
    static func running(with data: DemoData, width: Int, height: Int) -> State {
        var state = State(settings: State.Settings(host: "api.cloud.sesterce.com"), now: data.now)
        _ = reduce(&state, .resized(width: width, height: height))
        _ = reduce(&state, .launched(data.now))
        for list in data.catalog { _ = reduce(&state, .catalogPolled(list, at: data.now)) }
        _ = reduce(&state, .hardwarePricesLoaded(asked: Set(data.hardwarePrices.keys), data.hardwarePrices))
        _ = reduce(&state, .instancesPolled(.success(data.instances), detail: nil, at: data.now))
        return state
    }
}

import DashboardCore
import Foundation
import SesterceAPI
import Testing

/// A dashboard with two ACTIVE regions (and Tokyo in maintenance), ready for the instance form.
enum InstanceFormFixture {
    static let dallas = Region(id: 78, name: "Dallas", countryCode: "US", state: "ACTIVE", capacities: ["hw-l40s": 3, "hw-h100": 5])
    static let whisper = InferenceModel(id: "m-whisper", name: "whisper-large-v3", port: 9000, defaultHardwareId: "hw-h100", features: ["audio"])

    static var catalog: CatalogLists {
        CatalogLists(
            models: .success([Fixture.llama, whisper]), hardware: .success([Fixture.l40s, Fixture.h100]),
            regions: .success([Fixture.paris, dallas, Fixture.tokyo]), registries: .success([Fixture.registry]))
    }

    /// What `n`, then "chat-eu" typed as its name, deploys: the defaults.
    static let chatEU = InstanceSpec(
        name: "chat-eu", modelId: "m-llama", hardwareId: "hw-l40s", containerPort: 8000,
        regions: [RegionScaling(regionId: 42, scale: limits())])

    static func state(readonly: Bool = false, height: Int = 24) -> State {
        var state = Fixture.loadedState(readonly: readonly, height: height)
        state.receive(catalog, at: Fixture.t0)
        _ = reduce(&state, .hardwarePricesLoaded(asked: ["hw-l40s", "hw-h100"], ["hw-l40s": 1.44, "hw-h100": 2.49]))
        return state
    }

    /// The state with `n` pressed.
    static func newForm(height: Int = 24) -> (State, [Effect]) {
        var state = state(height: height)
        let effects = reduce(&state, .command(.new))
        return (state, effects)
    }

    static func form(_ state: State) -> Form { state.form!.form }

    @discardableResult
    static func type(_ text: String, into state: inout State) -> [Effect] {
        text.flatMap { reduce(&state, .formInput(.character($0))) }
    }

    /// Focuses a field and replaces its text by typing.
    @discardableResult
    static func retype(_ id: String, _ text: String, in state: inout State) -> [Effect] {
        state.form?.form.focus(.field(id))
        var effects: [Effect] = []
        while !(state.form?.form.text(id).isEmpty ?? true) { effects += reduce(&state, .formInput(.backspace)) }
        return effects + type(text, into: &state)
    }

    /// Opens a select, filters by `filter` and picks the first match.
    @discardableResult
    static func choose(_ id: String, _ filter: String, in state: inout State) -> [Effect] {
        state.form?.form.focus(.field(id))
        var effects = reduce(&state, .formInput(.enter))
        effects += type(filter, into: &state)
        return effects + reduce(&state, .formInput(.enter))
    }

    /// Space on the option of a multi-select with this label prefix.
    @discardableResult
    static func toggleRegion(_ label: String, in state: inout State) -> [Effect] {
        state.form?.form.focus(.field("regions"))
        guard case .multiSelect(let multi)? = state.form?.form.field("regions")?.kind,
              let index = multi.options.firstIndex(where: { $0.label.hasPrefix(label) }) else { return [] }
        var effects: [Effect] = []
        for _ in 0..<index { effects += reduce(&state, .formInput(.down)) }
        return effects + reduce(&state, .formInput(.toggle))
    }

    /// Ctrl-S on a valid form: exactly `mutation` is sent, and the form waits for its answer.
    @discardableResult
    static func submit(
        _ state: State, sending mutation: Mutation, sourceLocation: SourceLocation = #_sourceLocation
    ) -> TestStore {
        var store = TestStore(state)
        let name = switch mutation {
        case .createInstance(let spec), .updateInstance(_, let spec): spec.name
        default: "?"
        }
        store.send(.submitForm, effects: [.perform(mutation), .flashExpiry(state.flashCount + 1)], sourceLocation: sourceLocation) {
            $0.submitsForm(saying: "Saving \(name)…")
        }
        return store
    }

    static func limits(min: Int = 1, max: Int = 1, cooldown: Int = 300, triggers: ScalingTriggers = ScalingTriggers()) -> ScaleLimits {
        ScaleLimits(min: min, max: max, cooldownPeriod: cooldown, triggers: triggers)
    }
}

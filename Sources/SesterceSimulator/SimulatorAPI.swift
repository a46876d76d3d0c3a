import Foundation
import OpenAPIRuntime
import SesterceAPI

/// The generated server protocol, answered from the store. Bodies of create and
/// update requests were already checked by `RequestValidationMiddleware`.
struct SimulatorAPI: APIProtocol {
    let store: SimulatorStore

    private static let base = "/ai-inference"

    func listModels(_ input: Operations.ListModels.Input) async throws -> Operations.ListModels.Output {
        .ok(.init(body: .json(await store.models().map(\.wire))))
    }

    func listHardware(_ input: Operations.ListHardware.Input) async throws -> Operations.ListHardware.Output {
        .ok(.init(body: .json(await store.hardware().map(\.wire))))
    }

    func listRegions(_ input: Operations.ListRegions.Input) async throws -> Operations.ListRegions.Output {
        .ok(.init(body: .json(await store.regions().map(\.wire))))
    }

    func listRegistries(_ input: Operations.ListRegistries.Input) async throws -> Operations.ListRegistries.Output {
        .ok(.init(body: .json(await store.listRegistries().map(\.wire))))
    }

    func createRegistry(_ input: Operations.CreateRegistry.Input) async throws -> Operations.CreateRegistry.Output {
        guard case .json(let body) = input.body else { throw NestError.validation(["body must be JSON"], path: "\(Self.base)/registries") }
        let registry = await store.createRegistry(
            name: body.name, credentials: RegistryCredentials(url: body.url, username: body.username, password: body.password))
        return .created(.init(body: .json(registry.wire)))
    }

    func updateRegistry(_ input: Operations.UpdateRegistry.Input) async throws -> Operations.UpdateRegistry.Output {
        let path = "\(Self.base)/registries/\(input.path.id)"
        guard case .json(let body) = input.body else { throw NestError.validation(["body must be JSON"], path: path) }
        let credentials = RegistryCredentials(url: body.url, username: body.username, password: body.password)
        guard await store.updateRegistry(id: input.path.id, credentials: credentials) else {
            throw NestError.notFound("Registry \(input.path.id)", path: path)
        }
        return .noContent(.init())
    }

    func deleteRegistry(_ input: Operations.DeleteRegistry.Input) async throws -> Operations.DeleteRegistry.Output {
        guard await store.deleteRegistry(id: input.path.id) else {
            throw NestError.notFound("Registry \(input.path.id)", path: "\(Self.base)/registries/\(input.path.id)")
        }
        return .noContent(.init())
    }

    func listInstances(_ input: Operations.ListInstances.Input) async throws -> Operations.ListInstances.Output {
        .ok(.init(body: .json(await store.listInstances().map(\.wire))))
    }

    func createInstance(_ input: Operations.CreateInstance.Input) async throws -> Operations.CreateInstance.Output {
        guard case .json(let body) = input.body else { throw NestError.validation(["body must be JSON"], path: "\(Self.base)/instances") }
        return .created(.init(body: .json(await store.create(InstanceSpec(body)).wire)))
    }

    func previewPricing(_ input: Operations.PreviewPricing.Input) async throws -> Operations.PreviewPricing.Output {
        let path = "\(Self.base)/instances/pricing"
        guard case .json(let body) = input.body,
            let quote = await store.price(hardwareId: body.hardwareId, maxPods: body.autoScalingConfigurations.map(\.scale.max))
        else { throw NestError.validation(["hardwareId must be the id of an existing hardware"], path: path) }
        return .created(.init(body: .json(quote.wire)))
    }

    func getInstance(_ input: Operations.GetInstance.Input) async throws -> Operations.GetInstance.Output {
        guard let detail = await store.instance(id: input.path.id) else {
            throw NestError.notFound("Instance \(input.path.id)", path: "\(Self.base)/instances/\(input.path.id)")
        }
        return .ok(.init(body: .json(detail.wire)))
    }

    func updateInstance(_ input: Operations.UpdateInstance.Input) async throws -> Operations.UpdateInstance.Output {
        let path = "\(Self.base)/instances/\(input.path.id)"
        guard case .json(let body) = input.body else { throw NestError.validation(["body must be JSON"], path: path) }
        guard let instance = await store.update(id: input.path.id, InstanceSpec(name: "", update: body)) else {
            throw NestError.notFound("Instance \(input.path.id)", path: path)
        }
        return .ok(.init(body: .json(instance.wire)))
    }

    func deleteInstance(_ input: Operations.DeleteInstance.Input) async throws -> Operations.DeleteInstance.Output {
        try await transition(input.path.id, action: "") { try await store.delete(id: $0) }
        return .noContent(.init())
    }

    func startInstance(_ input: Operations.StartInstance.Input) async throws -> Operations.StartInstance.Output {
        try await transition(input.path.id, action: "/start") { try await store.start(id: $0) }
        return .noContent(.init())
    }

    func stopInstance(_ input: Operations.StopInstance.Input) async throws -> Operations.StopInstance.Output {
        try await transition(input.path.id, action: "/stop") { try await store.stop(id: $0) }
        return .noContent(.init())
    }

    private func transition(
        _ id: String, action: String, _ change: (String) async throws -> Void
    ) async throws {
        let path = "\(Self.base)/instances/\(id)\(action)"
        do {
            try await change(id)
        } catch SimulatorStore.TransitionError.notFound {
            throw NestError.notFound("Instance \(id)", path: path)
        } catch SimulatorStore.TransitionError.refused(let reason) {
            throw NestError(status: 400, messages: [reason], path: path)
        }
    }
}

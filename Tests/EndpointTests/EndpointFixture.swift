import Endpoint
import Foundation
import SesterceModels
import SesterceSimulator

/// A simulator whose endpoints answer at a fixed pace, and its ACTIVE chat
/// instance (chat-prod, llama-3.1-8b-instruct).
struct EndpointFixture {
    let sim: SimulatorServer
    let instanceId: String
    let address: String

    func client(secret: String = "test-endpoint-secret") throws(EndpointError) -> EndpointClient {
        try EndpointClient(address: address, secret: EndpointSecret(secret))
    }

    func chat(_ model: String, maxTokens: Int) -> ChatRequest {
        ChatRequest(
            model: model, messages: [ChatMessage(role: .user, content: "Say something")],
            parameters: ChatParameters(maxTokens: maxTokens))
    }
}

func withEndpoint(timing: String, _ body: (EndpointFixture) async throws -> Void) async throws {
    var options = SimulatorOptions()
    options.instances = 8
    options.endpointKey = "test-endpoint-secret"
    options.endpointTiming = EndpointTiming.parse(timing)
    let sim = try await SimulatorServer.start(options)
    do {
        let instances = await sim.store.listInstances()
        guard let serving = instances.first(where: { $0.status == .active && $0.features.contains("chat") }),
            let address = serving.address
        else { throw FixtureError.noServingInstance }
        try await body(EndpointFixture(sim: sim, instanceId: serving.id, address: address))
    } catch {
        await sim.stop()
        throw error
    }
    await sim.stop()
}

enum FixtureError: Error { case noServingInstance }

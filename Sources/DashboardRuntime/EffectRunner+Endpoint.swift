import DashboardCore
import Endpoint
import Foundation
import SesterceModels

/// The playground's endpoint work: the model list, a streamed reply reported
/// token by token, and the probe with its progress. Each token is posted to
/// the session's inbox as it arrives (the loop wakes at once), with the time
/// since the request was sent, measured on the monotonic clock at arrival.
extension EffectRunner {
    func perform(endpoint effect: Effect) async {
        switch effect {
        case .listEndpointModels(let instanceId, let address, let secret):
            let result: Result<[String], EndpointFailure>
            do {
                result = .success(try await client(address, secret).models())
            } catch {
                result = .failure(Self.failure(error))
            }
            post(.models(instanceId: instanceId, result))

        case .streamChat(let request, let address, let chat, let secret):
            let result: Result<Int?, EndpointFailure>
            do {
                let reply = try await client(address, secret).streamChat(chat) { [self] token in
                    post(.token(request: request, text: token.text, elapsedMs: token.sinceSend.inMilliseconds))
                }
                result = .success(reply.usageTokens)
            } catch {
                result = .failure(Self.failure(error))
            }
            post(.replyFinished(request: request, result))

        case .probeEndpoint(let request, let address, let instance, let model, let requests, let secret):
            let client: EndpointClient
            do {
                client = try self.client(address, secret)
            } catch {
                let report = Probe.report(
                    [.failure(error)], instance: instance, model: model, concurrency: 0, duration: .zero)
                post(.probeFinished(request: request, report))
                return
            }
            let report = await Probe.run(
                client, instance: instance, model: model, options: ProbeOptions(requests: requests)
            ) { [self] progress in
                post(.probeProgress(request: request, finished: progress.finished, failed: progress.failed, total: progress.total))
            }
            post(.probeFinished(request: request, report))

        default:
            break
        }
    }

    private func client(_ address: String, _ secret: EndpointSecret) throws(EndpointError) -> EndpointClient {
        try EndpointClient(address: address, secret: secret, allowInsecureHTTP: allowInsecureEndpoints)
    }

    /// Posts unless the work was stopped: a cancelled stream says nothing more.
    private func post(_ event: PlaygroundEvent) {
        guard !Task.isCancelled else { return }
        send(.playground(event))
    }

    static func failure(_ error: EndpointError) -> EndpointFailure {
        if case .secretRefused = error { return EndpointFailure(message: error.description, secretRefused: true) }
        return EndpointFailure(message: error.description)
    }
}

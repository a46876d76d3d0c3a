import SesterceModels
import TextLayout

/// The playground: `p` opens it over the selected instance, keys go to its
/// prompt, its secret field or its commands, and the runtime's reports of the
/// endpoint's streams come back as `PlaygroundEvent`s. Nothing is sent for an
/// instance that cannot serve (not ACTIVE, no address, no chat model).
extension State {
    /// Requests of one probe started from the playground.
    static let playgroundProbeRequests = 20

    mutating func openPlayground() -> [Effect] {
        guard pane == .instances || detailId != nil, let instance = selectedInstance else { return [] }
        var playground = Playground(
            instanceId: instance.id, name: instance.name, address: instance.address, blocked: Self.blocked(instance))
        defer { self.playground = playground }
        guard playground.blocked == nil else {
            playground.focus = .view
            return []
        }
        guard endpointSecret != nil else {
            playground.focus = .secret
            return []
        }
        return loadModels(&playground)
    }

    /// Why the playground of `instance` sends nothing, or nil when it may.
    public static func blocked(_ instance: Instance) -> String? {
        if instance.status != .active {
            return "\(instance.name) is \(instance.status.rawValue), not ACTIVE: nothing is sent until it serves."
        }
        if instance.address?.isEmpty != false { return "\(instance.name) has no endpoint address yet: nothing is sent." }
        let chat = instance.features.contains("chat") || instance.features.contains("custom") || instance.features.isEmpty
        if !chat {
            return "\(instance.name) serves \(instance.features.joined(separator: ", ")), not chat: nothing is sent."
        }
        return nil
    }

    private mutating func loadModels(_ playground: inout Playground) -> [Effect] {
        guard let secret = endpointSecret, let address = playground.address else { return [] }
        playground.model = .loading
        return [.listEndpointModels(instanceId: playground.instanceId, address: address, secret: secret)]
    }

    private mutating func takeRequestNumber() -> Int {
        endpointRequests += 1
        return endpointRequests
    }

    // MARK: Keys

    mutating func playgroundKey(_ key: KeyEvent) -> [Effect] {
        guard var playground else { return [] }
        let effects: [Effect]
        switch playground.focus {
        case .secret: effects = secretKey(key, &playground)
        case .prompt: effects = promptKey(key, &playground)
        case .view: effects = viewKey(key, &playground)
        }
        if self.playground != nil { self.playground = playground }
        return effects
    }

    private mutating func secretKey(_ key: KeyEvent, _ playground: inout Playground) -> [Effect] {
        switch key {
        case .character(let character) where character.isTypable: playground.secretEntry.input.insert(character)
        case .backspace: playground.secretEntry.input.backspace()
        case .ctrl("u"): playground.secretEntry.input.deleteToStart()
        case .enter:
            let typed = playground.secretEntry.text.trimmingWhitespace
            guard !typed.isEmpty else { return [] }
            endpointSecret = EndpointSecret(typed)
            playground.secretEntry = SecretInput()
            playground.focus = .prompt
            return loadModels(&playground)
        case .escape: return closePlayground()
        default: break
        }
        return []
    }

    private mutating func promptKey(_ key: KeyEvent, _ playground: inout Playground) -> [Effect] {
        switch key {
        case .character(let character) where character.isTypable: playground.prompt.insert(character)
        case .backspace: playground.prompt.backspace()
        case .delete: playground.prompt.delete()
        case .left: playground.prompt.left()
        case .right: playground.prompt.right()
        case .home, .ctrl("a"): playground.prompt.home()
        case .end, .ctrl("e"): playground.prompt.end()
        case .ctrl("u"): playground.prompt.deleteToStart()
        case .enter: return send(&playground)
        case .escape:
            if playground.streaming != nil { return stopReply(&playground) }
            playground.focus = .view
        case .tab: playground.focus = .view
        case .up, .down, .pageUp, .pageDown: scrollTranscript(key, &playground)
        default: break
        }
        return []
    }

    private mutating func viewKey(_ key: KeyEvent, _ playground: inout Playground) -> [Effect] {
        switch key {
        case .character("i"), .enter, .tab:
            if playground.blocked == nil { playground.focus = endpointSecret == nil ? .secret : .prompt }
        case .character("b"): return startProbe(&playground)
        case .character("u"): playground.showsCurl.toggle()
        case .character("t"):
            form = FormSession(form: playground.parameters.form(height: height), purpose: .playgroundParameters)
        case .character("?"): overlay = .help
        case .character("q"): return [.quit]
        case .escape:
            if playground.streaming != nil { return stopReply(&playground) }
            if let probe = playground.probe {
                playground.probe = nil
                return probe.isRunning ? [.cancelEndpointRequest(probe.request)] : []
            }
            return closePlayground()
        default: scrollTranscript(key, &playground)
        }
        return []
    }

    func scrollTranscript(_ key: KeyEvent, _ playground: inout Playground) {
        let page = max(1, Layout.bodyRows(height: height) - 6)
        switch key {
        case .up, .character("k"): playground.scrollBack += 1
        case .down, .character("j"): playground.scrollBack -= 1
        case .pageUp: playground.scrollBack += page
        case .pageDown: playground.scrollBack -= page
        case .character("g"), .home: playground.scrollBack = Int.max / 2
        case .character("G"), .end: playground.scrollBack = 0
        default: return
        }
        let lines = PlaygroundModel.transcriptLines(playground, width: PlaygroundModel.transcriptWidth(screenWidth: width))
        playground.scrollBack = max(0, min(playground.scrollBack, lines.count - 1))
    }

    /// Closes the playground, stopping whatever it had running.
    mutating func closePlayground() -> [Effect] {
        guard let playground else { return [] }
        self.playground = nil
        return [playground.streaming, playground.probe?.isRunning == true ? playground.probe?.request : nil]
            .compactMap { $0 }.map(Effect.cancelEndpointRequest)
    }

    // MARK: Sending

    private mutating func send(_ playground: inout Playground) -> [Effect] {
        let text = playground.prompt.text.trimmingWhitespace
        guard !text.isEmpty, playground.blocked == nil else { return [] }
        guard playground.streaming == nil, playground.probe?.isRunning != true else {
            showInfo("Wait for the reply (or the probe) to finish, or Esc to stop it")
            return []
        }
        guard let secret = endpointSecret, let address = playground.address else { return [] }
        guard let model = playground.modelName else {
            showInfo("The endpoint's model is not known yet")
            return []
        }
        var messages: [ChatMessage] = []
        for turn in playground.turns where !turn.reply.isEmpty {
            messages += [ChatMessage(role: .user, content: turn.prompt), ChatMessage(role: .assistant, content: turn.reply)]
        }
        messages.append(ChatMessage(role: .user, content: text))
        playground.turns.append(Turn(prompt: text))
        playground.prompt = TextInput()
        playground.scrollBack = 0
        let request = takeRequestNumber()
        playground.streaming = request
        return [
            .streamChat(
                request: request, address: address,
                ChatRequest(model: model, messages: messages, parameters: playground.parameters), secret: secret)
        ]
    }

    private func stopReply(_ playground: inout Playground) -> [Effect] {
        guard let request = playground.streaming else { return [] }
        playground.streaming = nil
        if let last = playground.turns.indices.last { playground.turns[last].phase = .stopped }
        return [.cancelEndpointRequest(request)]
    }

    private mutating func startProbe(_ playground: inout Playground) -> [Effect] {
        guard playground.blocked == nil, let secret = endpointSecret, let address = playground.address else { return [] }
        guard let model = playground.modelName else {
            showInfo("The endpoint's model is not known yet")
            return []
        }
        guard playground.streaming == nil, playground.probe?.isRunning != true else { return [] }
        let request = takeRequestNumber()
        playground.probe = ProbeRun(request: request, total: Self.playgroundProbeRequests)
        return [
            .probeEndpoint(
                request: request, address: address, instance: playground.name, model: model,
                requests: Self.playgroundProbeRequests, secret: secret)
        ]
    }

    // MARK: Reports

    mutating func receive(_ event: PlaygroundEvent) {
        guard var playground else { return }
        defer { self.playground = playground }
        switch event {
        case .models(let instanceId, let result):
            guard instanceId == playground.instanceId, playground.model == .loading else { return }
            switch result {
            case .success(let models):
                playground.model = models.first.map(Playground.Model.loaded) ?? .failed("The endpoint lists no model")
            case .failure(let failure):
                playground.model = .failed(failure.message)
                if failure.secretRefused { forgetSecret(&playground, failure) }
            }
        case .token(let request, let text, let elapsed):
            guard request == playground.streaming, let last = playground.turns.indices.last else { return }
            playground.turns[last].reply += DisplayWidth.sanitized(text)
            playground.turns[last].tokens += 1
            playground.turns[last].firstTokenMs = playground.turns[last].firstTokenMs ?? elapsed
            playground.turns[last].lastTokenMs = elapsed
        case .replyFinished(let request, let result):
            guard request == playground.streaming, let last = playground.turns.indices.last else { return }
            playground.streaming = nil
            switch result {
            case .success(let usage):
                playground.turns[last].phase = .done
                playground.turns[last].usageTokens = usage
            case .failure(let failure):
                playground.turns[last].phase = .failed(failure.message)
                if failure.secretRefused { forgetSecret(&playground, failure) }
            }
        case .probeProgress(let request, let finished, let failed, let total):
            guard playground.probe?.request == request, playground.probe?.isRunning == true else { return }
            playground.probe?.finished = finished
            playground.probe?.failed = failed
            playground.probe?.total = total
        case .probeFinished(let request, let report):
            guard playground.probe?.request == request else { return }
            playground.probe?.report = report
            playground.probe?.finished = report.requests
            playground.probe?.failed = report.failed
        }
    }

    /// A refused secret is dropped and asked for again.
    private mutating func forgetSecret(_ playground: inout Playground, _ failure: EndpointFailure) {
        endpointSecret = nil
        playground.model = .waiting
        playground.focus = .secret
        showError(failure.message)
    }

    /// `t`'s form, submitted: its values become the parameters of the next request.
    mutating func applyParameters(_ session: FormSession) {
        form = nil
        playground?.parameters = ChatParameters(session.form)
        showInfo("Parameters apply to the next request")
    }
}

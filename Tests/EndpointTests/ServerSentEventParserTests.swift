import Endpoint
import Testing

/// The SSE parser on the chunk shapes OpenAI-compatible servers really send,
/// cut at every possible place, and on what comes instead of a stream.
@Suite("Server-sent event parser")
struct ServerSentEventParserTests {
    /// What vLLM sends for a two-token reply with `include_usage`.
    static let vllmStream = """
        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}

        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}]}

        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"lo ✓"},"finish_reason":null}]}

        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"length"}]}

        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}

        data: [DONE]


        """

    static let expected: [ChatStreamEvent] = [
        .content("Hel"), .content("lo ✓"), .finished(reason: "length"), .usage(completionTokens: 2), .done,
    ]

    func read(_ pieces: [[UInt8]]) throws -> [ChatStreamEvent] {
        var reader = ChatStreamReader()
        var events: [ChatStreamEvent] = []
        for piece in pieces { try reader.feed(piece) { events.append($0) } }
        return events
    }

    @Test("a whole stream: content tokens, the finish reason, the usage chunk and [DONE]")
    func whole() throws {
        #expect(try read([Array(Self.vllmStream.utf8)]) == Self.expected)
    }

    @Test("split in two at every byte (inside JSON, inside a multi-byte character, between CR and LF): same events")
    func everySplit() throws {
        for text in [Self.vllmStream, Self.vllmStream.replacingOccurrences(of: "\n", with: "\r\n")] {
            let bytes = Array(text.utf8)
            for cut in 0...bytes.count {
                let events = try read([Array(bytes[..<cut]), Array(bytes[cut...])])
                #expect(events == Self.expected, "cut at \(cut)")
            }
        }
    }

    @Test("one byte per read: same events")
    func byteByByte() throws {
        #expect(try read(Self.vllmStream.utf8.map { [$0] }) == Self.expected)
    }

    @Test("an event is handed over as soon as its blank line arrives, not before")
    func eventByEvent() {
        var parser = ServerSentEventParser()
        #expect(parser.events(in: Array("data: one\n".utf8)).isEmpty)
        #expect(parser.events(in: Array("\n".utf8)) == [ServerSentEvent(data: "one")])
        #expect(parser.events(in: Array("data: two\r".utf8)).isEmpty)
        #expect(parser.events(in: Array("\r".utf8)) == [ServerSentEvent(data: "two")])
    }

    @Test("WHATWG rules: BOM, comments, multi-line data, event types, ids, retry, no space after the colon")
    func rules() {
        var parser = ServerSentEventParser()
        let text = "\u{FEFF}: a comment\ndata:first\ndata: second\nid: 7\nretry: 1500\n\nevent: ping\ndata\n\nid: a\u{0}b\ndata: x\n\nretry: soon\ndata: y\n\n"
        #expect(parser.events(in: Array(text.utf8)) == [
            ServerSentEvent(data: "first\nsecond", lastEventId: "7"),
            ServerSentEvent(type: "ping", data: "", lastEventId: "7"),
            ServerSentEvent(data: "x", lastEventId: "7"),
            ServerSentEvent(data: "y", lastEventId: "7"),
        ])
        #expect(parser.retry == 1500)
    }

    @Test("an event without data, and one left unfinished at the end of the stream, are not dispatched")
    func notDispatched() {
        var parser = ServerSentEventParser()
        #expect(parser.events(in: Array("event: x\nid: 1\n\ndata: half".utf8)).isEmpty)
    }

    @Test("an error object mid-stream (OpenAI's and vLLM's shapes) comes out as an error after the tokens before it")
    func errorMidStream() throws {
        let openAI = """
            data: {"choices":[{"index":0,"delta":{"content":"A"},"finish_reason":null}]}

            data: {"error":{"message":"CUDA out of memory","type":"server_error","code":500}}


            """
        #expect(try read([Array(openAI.utf8)]) == [.content("A"), .error("CUDA out of memory")])
        let vllm = "data: {\"object\":\"error\",\"message\":\"context too long\",\"type\":\"BadRequestError\",\"code\":400}\n\n"
        #expect(try read([Array(vllm.utf8)]) == [.error("context too long")])
    }

    @Test("a data line that is not JSON is an error, not a silent skip")
    func undecodable() {
        #expect(throws: ChatStreamReader.Undecodable.self) { try read([Array("data: {oops\n\n".utf8)]) }
    }

    @Test("a non-SSE error body (an HTML gateway page, a JSON error) gives no events, and its head says what it was")
    func nonSSEBody() throws {
        var reader = ChatStreamReader()
        var events: [ChatStreamEvent] = []
        let page = "<html><head><title>502 Bad Gateway</title></head>\n<body>\u{1B}[2Jbad</body></html>\n"
        try reader.feed(Array(page.utf8)) { events.append($0) }
        #expect(events.isEmpty)
        #expect(reader.eventCount == 0)
        #expect(reader.headText.hasPrefix("<html><head><title>502 Bad Gateway"))
        #expect(!reader.headText.contains("\u{1B}"))
        var json = ChatStreamReader()
        try json.feed(Array("{\"error\":{\"message\":\"Unauthorized\"}}".utf8)) { events.append($0) }
        #expect(events.isEmpty && json.eventCount == 0)
    }
}

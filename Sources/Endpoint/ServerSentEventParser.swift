/// One event of a `text/event-stream`: its type (`message` unless an `event:`
/// field said otherwise), its data (the `data:` lines joined by newlines) and
/// the last event id seen so far.
public struct ServerSentEvent: Equatable, Sendable {
    public var type: String
    public var data: String
    public var lastEventId: String

    public init(type: String = "message", data: String, lastEventId: String = "") {
        self.type = type
        self.data = data
        self.lastEventId = lastEventId
    }
}

/// An incremental parser of server-sent events, as the WHATWG HTML standard
/// (§9.2.6, "Interpreting an event stream") defines them: bytes go in as they
/// arrive, in pieces of any size, and each event comes out as soon as the blank
/// line that ends it has arrived.
///
/// Written here rather than taken from mattt/EventSource 1.1.1 (in the mirror):
/// that package does not build on Linux (its `EventSource` calls
/// `URLSession.bytes(for:)`, which swift-corelibs-foundation lacks), and its
/// parser is an actor fed one byte per `await`, far too slow for the probe's
/// 64 streams. The rules kept: lines end with CRLF, LF or CR (a CRLF split
/// across two reads is one end); a leading UTF-8 BOM is dropped; `:` starts a
/// comment; one space after the colon is removed; `data` lines accumulate,
/// joined by LF; an event with no data is not dispatched; an `id` containing
/// NUL is ignored; `retry` takes ASCII digits only; an event not ended by a
/// blank line when the stream ends is discarded.
public struct ServerSentEventParser: Sendable {
    private var line: [UInt8] = []
    private var data: [UInt8] = []
    private var eventType: [UInt8] = []
    private var lastEventId = ""
    private var hasData = false
    /// The previous byte was a CR: an LF right after it ends nothing more.
    private var afterCR = false
    private var atStart = true
    /// The reconnection time the stream asked for with `retry:`, in milliseconds.
    public private(set) var retry: Int?

    public init() {}

    /// Parses `bytes` (the next piece of the stream) and hands each event it
    /// completes to `emit`, in order.
    public mutating func feed(_ bytes: some Sequence<UInt8>, _ emit: (ServerSentEvent) throws -> Void) rethrows {
        for byte in bytes {
            switch byte {
            case 0x0A:
                if afterCR {
                    afterCR = false
                } else {
                    try endLine(emit)
                }
            case 0x0D:
                try endLine(emit)
                afterCR = true
            default:
                afterCR = false
                line.append(byte)
            }
        }
    }

    /// The events completed by `bytes`, for callers that prefer an array.
    public mutating func events(in bytes: some Sequence<UInt8>) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        feed(bytes) { events.append($0) }
        return events
    }

    private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    private mutating func endLine(_ emit: (ServerSentEvent) throws -> Void) rethrows {
        defer { line.removeAll(keepingCapacity: true) }
        if atStart {
            atStart = false
            if line.starts(with: Self.bom) { line.removeFirst(3) }
        }
        if line.isEmpty {
            try dispatch(emit)
            return
        }
        if line[0] == UInt8(ascii: ":") { return }
        let colon = line.firstIndex(of: UInt8(ascii: ":"))
        let name = line[..<(colon ?? line.endIndex)]
        var valueStart = colon.map { $0 + 1 } ?? line.endIndex
        if valueStart < line.endIndex, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        let value = line[valueStart...]
        if name.elementsEqual("data".utf8) {
            if hasData { data.append(0x0A) }
            data.append(contentsOf: value)
            hasData = true
        } else if name.elementsEqual("event".utf8) {
            eventType = Array(value)
        } else if name.elementsEqual("id".utf8) {
            if !value.contains(0) { lastEventId = String(decoding: value, as: UTF8.self) }
        } else if name.elementsEqual("retry".utf8) {
            if !value.isEmpty, value.allSatisfy({ (0x30...0x39).contains($0) }) {
                retry = Int(String(decoding: value, as: UTF8.self))
            }
        }
    }

    private mutating func dispatch(_ emit: (ServerSentEvent) throws -> Void) rethrows {
        defer {
            data.removeAll(keepingCapacity: true)
            eventType.removeAll(keepingCapacity: true)
            hasData = false
        }
        guard hasData else { return }
        let type = eventType.isEmpty ? "message" : String(decoding: eventType, as: UTF8.self)
        try emit(ServerSentEvent(type: type, data: String(decoding: data, as: UTF8.self), lastEventId: lastEventId))
    }
}

import Foundation
import SesterceAPI
import Testing

/// The instance list read straight from its bytes must be the list the
/// generated decoding gives, and whatever that decoding refuses must be
/// declined (nil), so that it refuses it with its own words.
@Suite("Instance list reader")
struct InstanceListReaderTests {
    /// The generated decoding as the runtime sets it up (JSONDecoder, dates through the transcoder).
    static func generated(_ body: Data) -> [Wire.InstanceSummary]? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            try SesterceDateTranscoder().decode(decoder.singleValueContainer().decode(String.self))
        }
        return try? decoder.decode([Wire.InstanceSummary].self, from: body)
    }

    static func read(_ body: Data) -> [Wire.InstanceSummary]? {
        body.withUnsafeBytes(InstanceListReader.instances)
    }

    /// One instance with the given fields after `_id`, `name` and `status`.
    static func body(_ fields: String) -> Data {
        Data(#"[{"_id":"6721058be81810b9dd045f40","name":"llama","status":"ACTIVE"\#(fields)}]"#.utf8)
    }

    static let accepted: [(String, Data)] = [
        ("empty list", Data("[]".utf8)),
        ("whitespace everywhere", Data(" \n[ {\t\"_id\" : \"a\" ,\r\n\"name\":\"n\", \"status\" :\"S\" } , {\"_id\":\"b\",\"name\":\"m\",\"status\":\"T\"}\n] \n".utf8)),
        ("only the required fields", body("")),
        ("integer price", body(#","hourlyPrice":3"#)),
        ("zero, negative zero, decimals, exponents", Data(#"""
            [{"_id":"a","name":"n","status":"S","hourlyPrice":0},{"_id":"b","name":"n","status":"S","hourlyPrice":-0},
             {"_id":"c","name":"n","status":"S","hourlyPrice":2.55},{"_id":"d","name":"n","status":"S","hourlyPrice":0.1},
             {"_id":"e","name":"n","status":"S","hourlyPrice":1e2},{"_id":"f","name":"n","status":"S","hourlyPrice":1.5E-3},
             {"_id":"g","name":"n","status":"S","hourlyPrice":0.30000000000000004},
             {"_id":"h","name":"n","status":"S","hourlyPrice":123456789012345678901},
             {"_id":"i","name":"n","status":"S","hourlyPrice":-7.000000000000001},
             {"_id":"j","name":"n","status":"S","hourlyPrice":1e308},{"_id":"k","name":"n","status":"S","hourlyPrice":0.0000}]
            """#.utf8)),
        ("nulls where the spec allows them", body(#","hourlyPrice":null,"features":null,"address":null,"createdAt":null,"updatedAt":null"#)),
        ("every field", body(#","hourlyPrice":2.5,"features":["chat","code"],"address":"https://x.ai/","createdAt":"2019-06-26T13:00:00.000Z","updatedAt":"2019-06-26T13:00:00.250Z""#)),
        ("dates without a fraction, with one digit, with nine", body(#","createdAt":"2019-06-26T13:00:00Z","updatedAt":"2024-02-29T23:59:59.123456789Z""#)),
        ("dates before 1970 and on a leap day", body(#","createdAt":"1969-12-31T23:59:59.999Z","updatedAt":"2000-02-29T00:00:00.5Z""#)),
        ("dates past the end of a month or minute (they roll over)", body(#","createdAt":"2023-02-29T00:00:00.000Z","updatedAt":"2019-06-26T23:59:60Z""#)),
        ("escapes", body(#","address":"a\"b\\c\/d\b\f\n\r\t\u00e9\u20ac\u0041\u0000""#)),
        ("UTF-8 as is", body(#","address":"é漢字 🦙","features":["ça"]"#)),
        ("UTF-8 and escapes together", body(#","address":"https:\/\/é.ai\/漢\u00e9\n🦙","features":["ç\ta"]"#)),
        ("three-byte escapes", body(#","address":"\u0800\uffff\u07ff\u0080\u007f""#)),
        ("unknown status kept", Data(#"[{"_id":"a","name":"n","status":"MIGRATING"}]"#.utf8)),
        ("unknown fields of every kind", body(#","__v":0,"owner":{"_id":"x","tags":["a",1,-2.5e-3,null,true,false,{}],"n":[[]]},"e":"\n\u0041""#)),
    ]

    @Test("reads what the generated decoding reads", arguments: accepted)
    func sameList(_ name: String, _ body: Data) throws {
        let expected = try #require(Self.generated(body), "\(name): refused by the generated decoding")
        let read = try #require(Self.read(body), "\(name): declined")
        #expect(read == expected, "\(name)")
        for (mine, theirs) in zip(read, expected) {
            // Bit for bit, where == would take -0 for 0.
            #expect(mine.hourlyPrice?.bitPattern == theirs.hourlyPrice?.bitPattern, "\(name)")
        }
    }

    @Test("the fixtures of the reference and of the quirks are read, not declined")
    func fixtures() throws {
        for name in ["reference/instances.json", "quirks/instances.json"] {
            let body = try Fixture.data(name)
            let read = try #require(Self.read(body), "\(name) declined")
            #expect(read == Self.generated(body), "\(name)")
        }
    }

    static let declined: [(String, String)] = [
        ("empty body", ""),
        ("not an array", #"{"_id":"a","name":"n","status":"S"}"#),
        ("null", "null"),
        ("byte order mark", "\u{FEFF}[]"),
        ("text after the list", "[] x"),
        ("two lists", "[][]"),
        ("cut short", #"[{"_id":"a","name":"n","status":"S""#),
        ("trailing comma", #"[{"_id":"a","name":"n","status":"S"},]"#),
        ("empty object", "[{}]"),
        ("missing _id", #"[{"name":"n","status":"S"}]"#),
        ("null name", #"[{"_id":"a","name":null,"status":"S"}]"#),
        ("number as status", #"[{"_id":"a","name":"n","status":3}]"#),
        ("a field twice", #"[{"_id":"a","name":"n","name":"m","status":"S"}]"#),
        ("escaped key", #"[{"\u005fid":"a","name":"n","status":"S"}]"#),
        ("price as a string", #"[{"_id":"a","name":"n","status":"S","hourlyPrice":"3"}]"#),
        ("price with a leading zero", #"[{"_id":"a","name":"n","status":"S","hourlyPrice":03}]"#),
        ("price ending in a dot", #"[{"_id":"a","name":"n","status":"S","hourlyPrice":3.}]"#),
        ("price too large", #"[{"_id":"a","name":"n","status":"S","hourlyPrice":1e400}]"#),
        ("price too small", #"[{"_id":"a","name":"n","status":"S","hourlyPrice":1e-400}]"#),
        ("zero price with an exponent", #"[{"_id":"a","name":"n","status":"S","hourlyPrice":0e1}]"#),
        ("subnormal price", #"[{"_id":"a","name":"n","status":"S","hourlyPrice":4.9e-324}]"#),
        ("price NaN", #"[{"_id":"a","name":"n","status":"S","hourlyPrice":NaN}]"#),
        ("features not an array", #"[{"_id":"a","name":"n","status":"S","features":"chat"}]"#),
        ("null in features", #"[{"_id":"a","name":"n","status":"S","features":[null]}]"#),
        ("date with an offset", #"[{"_id":"a","name":"n","status":"S","createdAt":"2019-06-26T15:00:00+02:00"}]"#),
        ("date as words", #"[{"_id":"a","name":"n","status":"S","createdAt":"yesterday"}]"#),
        ("date without time", #"[{"_id":"a","name":"n","status":"S","createdAt":"2019-06-26"}]"#),
        ("month 13", #"[{"_id":"a","name":"n","status":"S","createdAt":"2019-13-26T13:00:00.000Z"}]"#),
        ("ten digits of fraction", #"[{"_id":"a","name":"n","status":"S","createdAt":"2019-06-26T13:00:00.1234567890Z"}]"#),
        ("date as a number", #"[{"_id":"a","name":"n","status":"S","createdAt":1561554000}]"#),
        ("surrogate pair escaped", #"[{"_id":"a","name":"\ud83e\udd99","status":"S"}]"#),
        ("lone surrogate", #"[{"_id":"a","name":"\ud800","status":"S"}]"#),
        ("unknown escape", #"[{"_id":"a","name":"\x41","status":"S"}]"#),
        ("short \\u escape", #"[{"_id":"a","name":"\u41","status":"S"}]"#),
        ("raw control character", "[{\"_id\":\"a\",\"name\":\"a\tb\",\"status\":\"S\"}]"),
        ("non-ASCII in an unknown field", #"[{"_id":"a","name":"n","status":"S","note":"é"}]"#),
        ("single quotes", "[{'_id':'a','name':'n','status':'S'}]"),
        ("true misspelt", #"[{"_id":"a","name":"n","status":"S","x":tru}]"#),
        ("nested 40 deep", #"[{"_id":"a","name":"n","status":"S","x":"# + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "}]"),
    ]

    @Test("declines what it does not vouch for", arguments: declined)
    func declines(_ name: String, _ text: String) {
        #expect(Self.read(Data(text.utf8)) == nil, "\(name)")
    }

    @Test("invalid UTF-8 in a string is declined")
    func invalidUTF8() {
        var body = [UInt8](#"[{"_id":"a","name":"n?","status":"S"}]"#.utf8)
        body[body.firstIndex(of: UInt8(ascii: "?"))!] = 0xFF
        #expect(Self.read(Data(body)) == nil)
        body[body.firstIndex(of: 0xFF)!] = 0xC3  // a lead byte without its continuation
        #expect(Self.read(Data(body)) == nil)
        // With an escape in the string too (another way through the reader).
        var escaped = [UInt8](#"[{"_id":"a","name":"\n?","status":"S"}]"#.utf8)
        escaped[escaped.firstIndex(of: UInt8(ascii: "?"))!] = 0xFF
        #expect(Self.read(Data(escaped)) == nil)
    }

    @Test("bodies broken at random: read as the generated decoding reads them, or declined")
    func mutants() throws {
        var outcomes = (read: 0, declined: 0)
        for name in ["reference/instances.json", "quirks/instances.json"] {
            let original = try Fixture.data(name)
            for index in 0..<400 {
                var mutator = BodyMutator(seed: UInt64(index) &* 0x9E37_79B9 ^ UInt64(name.utf8.count))
                let body = mutator.mutate(original)
                guard let read = Self.read(body) else {
                    outcomes.declined += 1
                    continue
                }
                outcomes.read += 1
                let expected = Self.generated(body)
                #expect(read == expected, "\(name), \(mutator.applied): read \(read), generated \(String(describing: expected))")
            }
        }
        // Both ways taken, or the test proves little.
        #expect(outcomes.read > 100)
        #expect(outcomes.declined > 100)
    }

    @Test("through the client: a body the reader declines still decodes, one nobody reads is undecodable")
    func throughTheClient() async throws {
        let offset = #"[{"_id":"a","name":"n","status":"S","hourlyPrice":3,"createdAt":"2019-06-26T15:00:00+02:00"}]"#
        let instances = try await stubClient(StubTransport(always: .json(200, offset))).instances()
        #expect(instances.map(\.createdAt) == [Date(timeIntervalSince1970: 1_561_554_000)])
        #expect(instances.map(\.hourlyPrice) == [3])

        let twice = #"[{"_id":"a","name":"n","status":"S"},{"_id":"b","status":"S"}]"#
        let error = await failure { try await stubClient(StubTransport(always: .json(200, twice))).instances() }
        guard case .undecodable(let what, let detail)? = error else {
            Issue.record("expected undecodable, got \(String(describing: error))")
            return
        }
        #expect(what == "instances")
        #expect(detail.contains("name") && detail.contains("[1]"), "\(detail)")
    }
}

import Foundation

/// Turns a failed HTTP response into an `APIError`, reading the NestJS error body
/// (`message` as a string or a list) when there is one.
enum ErrorResponse {
    private struct NestBody: Decodable {
        var message: Message?
        var error: String?

        enum Message: Decodable {
            case one(String)
            case many([String])

            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let list = try? container.decode([String].self) {
                    self = .many(list)
                } else {
                    self = .one(try container.decode(String.self))
                }
            }

            var lines: [String] {
                switch self {
                case .one(let text): [text]
                case .many(let list): list
                }
            }
        }
    }

    static func error(status: Int, contentType: String?, body: Data, retryAfter: String?) -> APIError {
        let isJSON = contentType?.lowercased().contains("json") ?? false
        let nest = isJSON ? try? JSONDecoder().decode(NestBody.self, from: body) : nil
        let lines = nest?.message?.lines ?? []
        let message = lines.isEmpty ? (nest?.error ?? HTTPStatusText.phrase(status)) : lines.joined(separator: "; ")
        switch status {
        case 400:
            return .validation(messages: lines.isEmpty ? [message] : lines)
        case 401:
            return .keyRejected(status: status, message: message)
        case 403 where nest != nil:
            return .keyRejected(status: status, message: message)
        case 403:
            return .blockedAtEdge(status: status, detail: edgeDetail(body))
        case 404:
            return .notFound(message: message)
        case 429:
            return .rateLimited(retryAfter: retryAfter.flatMap { parseRetryAfter($0) }, message: message)
        case 500...:
            return .server(status: status, message: message)
        default:
            return .refused(status: status, message: message)
        }
    }

    /// Seconds from a `Retry-After` value: delta-seconds or an HTTP date, at
    /// most an hour (a value like `1e400` or `inf` must not become a wait
    /// nothing can schedule).
    static let maximumRetryAfter: Double = 3600

    static func parseRetryAfter(_ value: String, now: Date = Date()) -> Double? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed) { return seconds.isNaN ? nil : min(maximumRetryAfter, max(0, seconds)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: trimmed).map { min(maximumRetryAfter, max(0, $0.timeIntervalSince(now))) }
    }

    /// A short, printable excerpt of a non-JSON body such as Cloudflare's "error code: 1010".
    private static func edgeDetail(_ body: Data) -> String {
        let text = String(decoding: body.prefix(2048), as: UTF8.self)
        if let range = text.range(of: #"error code:? ?\d+"#, options: [.regularExpression, .caseInsensitive]) {
            return String(text[range])
        }
        let plain = text.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return String(plain.prefix(80))
    }
}

/// Reason phrases, for when an error body says nothing (and for the
/// simulator's `error` field).
public enum HTTPStatusText {
    public static func phrase(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 409: "Conflict"
        case 413: "Payload Too Large"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "HTTP \(status)"
        }
    }
}

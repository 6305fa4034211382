import Tracking

/// Why a page cannot be shown: the status and the sentence the error page displays.
public struct UIError: Error, Sendable, Hashable, CustomStringConvertible {
    public var status: Int
    public var message: String

    public init(status: Int, message: String) {
        self.status = status
        self.message = message
    }

    static func badRequest(_ message: String) -> UIError { UIError(status: 400, message: message) }
    static func notFound(_ message: String) -> UIError { UIError(status: 404, message: message) }

    /// A store error as a page: unknown ids are 404, bad input 400, the rest 500.
    init(_ error: TrackingError) {
        let place = error.column.map { " (column \($0))" } ?? ""
        self.init(status: error.code.httpStatus, message: error.message + place)
    }

    public var description: String { "\(status): \(message)" }
}

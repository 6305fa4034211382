/// An error a store or the search grammar reports, with MLflow's error code and message.
///
/// The server renders it as `{"error_code": code.rawValue, "message": message}` with
/// `code.httpStatus`. A client mistake is never `INTERNAL_ERROR`: the MLflow client retries
/// 5xx answers for minutes.
public struct TrackingError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: Code
    public var message: String
    /// For search filters and `order_by` clauses: the 1-based column where the problem starts.
    public var column: Int?

    public init(_ code: Code, _ message: String, column: Int? = nil) {
        self.code = code
        self.message = message
        self.column = column
    }

    public var description: String {
        let place = column.map { " (column \($0))" } ?? ""
        return "\(code.rawValue): \(message)\(place)"
    }

    /// MLflow's error codes (`databricks.proto`) that a tracking store can produce.
    public struct Code: RawRepresentable, Sendable, Hashable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let invalidParameterValue = Code(rawValue: "INVALID_PARAMETER_VALUE")
        public static let resourceDoesNotExist = Code(rawValue: "RESOURCE_DOES_NOT_EXIST")
        public static let resourceAlreadyExists = Code(rawValue: "RESOURCE_ALREADY_EXISTS")
        public static let badRequest = Code(rawValue: "BAD_REQUEST")
        public static let invalidState = Code(rawValue: "INVALID_STATE")
        public static let internalError = Code(rawValue: "INTERNAL_ERROR")
        public static let temporarilyUnavailable = Code(rawValue: "TEMPORARILY_UNAVAILABLE")
        public static let notImplemented = Code(rawValue: "NOT_IMPLEMENTED")

        /// The HTTP status MLflow answers with (`mlflow/exceptions.py::ERROR_CODE_TO_HTTP_STATUS`).
        public var httpStatus: Int {
            switch self {
            case .resourceDoesNotExist: 404
            case .internalError: 500
            case .notImplemented: 501
            case .temporarilyUnavailable: 503
            default: 400
            }
        }
    }
}

import HTTPTypes
import Tracking

/// An error answer in MLflow's shape: `{"error_code": code, "message": message}` with `status`.
///
/// Every client mistake maps to a 4xx: the MLflow client retries 5xx answers for minutes, so a
/// 500 for bad input would hang a notebook cell.
struct APIError: Error, Sendable, CustomStringConvertible {
    var status: HTTPResponse.Status
    var code: String
    var message: String

    init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    init(_ error: TrackingError) {
        let place = error.column.map { " (at column \($0))" } ?? ""
        self.init(HTTPResponse.Status(code: error.code.httpStatus), error.code.rawValue, error.message + place)
    }

    var description: String { "\(code): \(message)" }

    static func badRequest(_ message: String) -> APIError {
        APIError(.badRequest, "BAD_REQUEST", message)
    }

    static func invalidParameter(_ message: String) -> APIError {
        APIError(.badRequest, TrackingError.Code.invalidParameterValue.rawValue, message)
    }

    static func notFound(_ message: String) -> APIError {
        APIError(.notFound, TrackingError.Code.resourceDoesNotExist.rawValue, message)
    }

    static func tooLarge(limit: Int64) -> APIError {
        APIError(
            .contentTooLarge, TrackingError.Code.invalidParameterValue.rawValue,
            "The request body is larger than the server's limit of \(limit) bytes.")
    }

    static let unauthenticated = APIError(
        .unauthorized, "UNAUTHENTICATED",
        "Missing or wrong credentials: set MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD.")

    static func missing(_ field: String) -> APIError {
        .invalidParameter(
            "Missing value for required parameter '\(field)'. See the API docs for more information about request parameters.")
    }

    static func wrongType(_ field: String, _ value: String, expected: String) -> APIError {
        .invalidParameter(
            "Invalid value \(value) for parameter '\(field)' supplied: expected \(expected). "
                + "See the API docs for more information about request parameters.")
    }
}

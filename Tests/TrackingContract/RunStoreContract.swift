import Testing
import Tracking

/// One check of the `RunStore` contract, run on a fresh store.
public struct ContractCase: Sendable, CustomTestStringConvertible {
    public let name: String
    public let body: @Sendable (any RunStore) async throws -> Void

    public var testDescription: String { name }
}

/// The contract every `RunStore` passes, written once. A store's test target runs it with
///
///     @Test(arguments: RunStoreContract.cases)
///     func contract(_ check: ContractCase) async throws { try await check.body(makeStore()) }
public enum RunStoreContract {
    public static let cases: [ContractCase] = experimentCases + runCases + loggingCases + searchCases
        + paginationCases + concurrencyCases + browsingCases
}

/// Expects `body` to throw a ``TrackingError`` with `code`; returns it for further checks.
@discardableResult
func expectError(
    _ code: TrackingError.Code, containing text: String = "", sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> Void
) async -> TrackingError? {
    do {
        try await body()
        Issue.record("expected \(code.rawValue), nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as TrackingError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        #expect(text.isEmpty || error.message.contains(text), "\(error.message)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected TrackingError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

extension RunStore {
    /// A run in `experimentId` named `name`, started at `start`.
    func makeRun(_ experimentId: String, _ name: String, start: Int64 = 1000, tags: [RunTag] = []) async throws -> String {
        try await createRun(CreateRunRequest(experimentId: experimentId, runName: name, startTime: start, tags: tags)).info.runId
    }

    /// Names of the runs a filter finds, in the store's order.
    func names(_ experimentId: String, filter: String? = nil, orderBy: [String] = [], view: ViewType = .activeOnly)
        async throws -> [String]
    {
        let query = try RunQuery(experimentIds: [experimentId], parsing: filter, viewType: view, orderBy: orderBy)
        return try await searchRuns(query).items.map(\.info.runName)
    }
}

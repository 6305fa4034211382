import HTMLTemplates
import Tracking

/// `/experiments/ID`: one page of an experiment's runs, filtered, sorted, with chosen columns.
struct RunsPage {
    let store: any RunStore
    let experimentId: String
    let query: QueryParameters

    static let defaultPerPage = 100

    /// The page's state, as read from the query string and written back into its links.
    struct State {
        var filter: String
        var order: String?
        var ascending: Bool
        /// Nil when the default columns are shown.
        var columns: [String]?
        var page: Int
        var perPage: Int
    }

    func render() async throws -> UIResponse {
        let experiment = try await store.experiment(id: experimentId, orNotFound: "No experiment with id '\(experimentId)'.")
        let state = try readState()
        let keys = try await store.runKeys(experimentIds: [experimentId], viewType: .activeOnly)
        let columns = try (state.columns ?? RunColumn.defaults(keys)).map { key throws(UIError) in try RunColumn(chosen: key) }

        var runs: [Run] = []
        var total = 0
        var filterError: String?
        do {
            let clauses = state.order.map { [RunColumn.orderClause(key: $0, ascending: state.ascending)] } ?? []
            var runQuery = try RunQuery(
                experimentIds: [experimentId], parsing: state.filter.isEmpty ? nil : state.filter,
                maxResults: state.perPage, orderBy: clauses)
            if state.page > 1 {
                runQuery.pageToken = PageToken.encode(offset: (state.page - 1) * state.perPage, fingerprint: runQuery.fingerprint)
            }
            async let found = store.searchRuns(runQuery)
            async let count = store.countRuns(runQuery)
            runs = try await found.items
            total = try await count
        } catch let error as TrackingError where error.code == .invalidParameterValue {
            filterError = UIError(error).message
        }

        let base = "/experiments/" + URLEncoding.encode(experimentId)
        let allColumns = RunColumn.fixed + columns
        let pageCount = max(1, (total + state.perPage - 1) / state.perPage)
        var fields: [String: TemplateValue] = [
            "experimentId": .string(experimentId),
            "experimentName": .string(experiment.name),
            "action": .string(base),
            "filter": .string(state.filter),
            "filterError": filterError.map { .string($0) } ?? .bool(false),
            "runCount": .string(String(total)),
            "headers": .list(allColumns.map { header($0, state: state, base: base) }),
            "rows": .html(Self.rows(runs, columns: allColumns)),
            "hasRows": .bool(!runs.isEmpty),
            "page": .string(String(state.page)),
            "pageCount": .string(String(pageCount)),
            "order": .string(state.order ?? ""),
            "dir": .string(state.order == nil ? "" : state.ascending ? "asc" : "desc"),
            "columnsValue": .string(state.columns?.joined(separator: ",") ?? ""),
            "hasColumns": .bool(state.columns != nil),
            "perPage": .string(state.perPage == Self.defaultPerPage ? "" : String(state.perPage)),
            "paramChoices": .list(keys.params.map { choice("params." + $0, label: $0, columns) }),
            "metricChoices": .list(keys.metrics.map { choice("metrics." + $0, label: $0, columns) }),
        ]
        if state.page > 1 { fields["prevURL"] = .string(url(base, state, page: state.page - 1)) }
        if state.page * state.perPage < total { fields["nextURL"] = .string(url(base, state, page: state.page + 1)) }
        return WebUI.page("runs", title: "\(experiment.name) — runs — Quire", fields)
    }

    func readState() throws(UIError) -> State {
        let order = query["order"].flatMap { $0.isEmpty ? nil : $0 }
        return State(
            filter: query["filter"] ?? "",
            order: order,
            ascending: try query.choice("dir", ["asc", "desc"], default: "asc") == "asc",
            columns: query.list("columns"),
            page: try query.integer("page", in: 1...10_000_000, default: 1),
            perPage: try query.integer("per_page", in: 1...1000, default: Self.defaultPerPage))
    }

    /// A link to this page with the same state but another page number or order.
    func url(_ base: String, _ state: State, page: Int, order: String? = nil, ascending: Bool? = nil) -> String {
        let sortKey = order ?? state.order
        let sortAscending = ascending ?? state.ascending
        let query = URLEncoding.query([
            ("filter", state.filter.isEmpty ? nil : state.filter),
            ("order", sortKey),
            ("dir", sortKey == nil ? nil : sortAscending ? "asc" : "desc"),
            ("columns", state.columns?.joined(separator: ",")),
            ("page", page > 1 ? String(page) : nil),
            ("per_page", state.perPage == Self.defaultPerPage ? nil : String(state.perPage)),
        ])
        return query.isEmpty ? base : base + "?" + query
    }

    func header(_ column: RunColumn, state: State, base: String) -> TemplateValue {
        // Without an order the store sorts newest first.
        let sortedAscending: Bool? =
            if let order = state.order { order == column.key ? state.ascending : nil } else {
                column.key == "attributes.start_time" ? false : nil
            }
        var fields: [String: TemplateValue] = [
            "key": .string(column.key),
            "label": .string(column.label),
            "href": .string(url(base, state, page: 1, order: column.key, ascending: !(sortedAscending ?? false))),
        ]
        if let sortedAscending { fields["ariaSort"] = .string(sortedAscending ? "ascending" : "descending") }
        return .object(fields)
    }

    func choice(_ key: String, label: String, _ columns: [RunColumn]) -> TemplateValue {
        .object(["value": .string(key), "label": .string(label), "checked": .bool(columns.contains { $0.key == key })])
    }
}

extension RunStore {
    /// The experiment, or a 404 page saying `message`.
    func experiment(id: String, orNotFound message: String) async throws -> Experiment {
        do {
            return try await experiment(id: id)
        } catch let error as TrackingError where error.code == .resourceDoesNotExist {
            throw UIError.notFound(message)
        }
    }

    /// The run, or a 404 page.
    func run(id: String, orNotFound message: String) async throws -> Run {
        do {
            return try await run(id: id)
        } catch let error as TrackingError where error.code == .resourceDoesNotExist || error.code == .invalidParameterValue {
            throw UIError.notFound(message)
        }
    }
}

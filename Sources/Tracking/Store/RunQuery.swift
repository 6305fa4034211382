/// A `runs/search` request, parsed and validated.
public struct RunQuery: Sendable, Hashable {
    public var experimentIds: [String]
    public var filter: FilterExpression?
    public var viewType: ViewType
    /// 1...50000.
    public var maxResults: Int
    /// The requested order; stores append ``OrderTerm/runTieBreak``.
    public var orderBy: [OrderTerm]
    public var pageToken: String?

    public init(
        experimentIds: [String],
        filter: FilterExpression? = nil,
        viewType: ViewType = .activeOnly,
        maxResults: Int = TrackingLimits.searchMaxResultsDefault,
        orderBy: [OrderTerm] = [],
        pageToken: String? = nil
    ) {
        self.experimentIds = experimentIds
        self.filter = filter
        self.viewType = viewType
        self.maxResults = maxResults
        self.orderBy = orderBy
        self.pageToken = pageToken
    }

    /// Parses the strings of a request as the server receives them.
    /// - Throws: ``TrackingError`` `INVALID_PARAMETER_VALUE` for a bad filter, clause or limit.
    public init(
        experimentIds: [String],
        parsing filter: String?,
        viewType: ViewType = .activeOnly,
        maxResults: Int? = nil,
        orderBy: [String] = [],
        pageToken: String? = nil
    ) throws(TrackingError) {
        self.init(
            experimentIds: experimentIds,
            filter: try filter.flatMap { text throws(TrackingError) in try FilterParser.parse(text) },
            viewType: viewType,
            maxResults: try Validation.maxResults(maxResults),
            orderBy: try OrderTerm.parse(orderBy),
            pageToken: pageToken)
    }

    /// What page tokens are tied to: everything but the page size and position.
    public var fingerprint: String {
        "runs|\(experimentIds)|\(String(describing: filter))|\(viewType.rawValue)|\(orderBy)"
    }

    /// The full ordering stores must apply.
    public var ordering: SearchOrdering { SearchOrdering(orderBy, tieBreak: OrderTerm.runTieBreak) }
}

/// An `experiments/search` request.
public struct ExperimentQuery: Sendable, Hashable {
    public var filter: FilterExpression?
    public var viewType: ViewType
    public var maxResults: Int
    public var orderBy: [OrderTerm]
    public var pageToken: String?

    public init(
        filter: FilterExpression? = nil,
        viewType: ViewType = .activeOnly,
        maxResults: Int = TrackingLimits.searchMaxResultsDefault,
        orderBy: [OrderTerm] = [],
        pageToken: String? = nil
    ) {
        self.filter = filter
        self.viewType = viewType
        self.maxResults = maxResults
        self.orderBy = orderBy
        self.pageToken = pageToken
    }

    /// Parses the strings of a request (`name LIKE 'x%'`, `order_by: ["name ASC"]`).
    public init(parsing filter: String?, viewType: ViewType = .activeOnly, maxResults: Int? = nil, orderBy: [String] = [],
                pageToken: String? = nil) throws(TrackingError) {
        self.init(
            filter: try filter.flatMap { text throws(TrackingError) in try FilterParser.parse(text, target: .experiments) },
            viewType: viewType,
            maxResults: try Validation.maxResults(maxResults),
            orderBy: try OrderTerm.parse(orderBy, target: .experiments),
            pageToken: pageToken)
    }

    public var fingerprint: String { "experiments|\(String(describing: filter))|\(viewType.rawValue)|\(orderBy)" }
    public var ordering: SearchOrdering { SearchOrdering(orderBy, tieBreak: OrderTerm.experimentTieBreak) }
}

/// One page of results; `nextPageToken` is nil on the last page.
public struct Page<Item: Sendable & Hashable>: Sendable, Hashable {
    public var items: [Item]
    public var nextPageToken: String?

    public init(items: [Item], nextPageToken: String?) {
        self.items = items
        self.nextPageToken = nextPageToken
    }

    /// The page of `all` (already filtered and sorted) at `offset`.
    public static func slice(_ all: [Item], offset: Int, limit: Int, fingerprint: String) -> Page {
        let start = min(offset, all.count)
        let end = min(start + limit, all.count)
        let next = end < all.count ? PageToken.encode(offset: end, fingerprint: fingerprint) : nil
        return Page(items: Array(all[start..<end]), nextPageToken: next)
    }
}

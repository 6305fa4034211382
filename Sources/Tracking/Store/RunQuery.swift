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

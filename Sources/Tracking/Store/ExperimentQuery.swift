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

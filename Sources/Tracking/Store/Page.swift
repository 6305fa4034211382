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

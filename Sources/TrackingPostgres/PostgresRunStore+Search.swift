import PostgresNIO
import Tracking

extension PostgresRunStore {
    /// One query finds the page's run ids (filter, order and page in SQL), a second loads
    /// those runs; both in one snapshot.
    public func searchRuns(_ query: RunQuery) async throws -> Page<Run> {
        let offset = try PageToken.decode(query.pageToken, fingerprint: query.fingerprint)
        let keys = query.experimentIds.compactMap { Int64($0) }
        guard !keys.isEmpty else { return Page(items: [], nextPageToken: nil) }
        let search = RunSearchSQL(query, experimentKeys: keys, offset: offset, dialect: dialect)
        let logger = logger
        let (runs, more) = try await read { db in
            var ids: [String] = []
            for try await id in try await db.query(PostgresQuery(search.sql, parameters: search.parameters), logger: logger)
                .decode(String.self)
            {
                ids.append(id)
            }
            return (try await db.runs(Array(ids.prefix(query.maxResults)), logger: logger), ids.count > query.maxResults)
        }
        let next = more ? PageToken.encode(offset: offset + query.maxResults, fingerprint: query.fingerprint) : nil
        return Page(items: runs, nextPageToken: next)
    }
}

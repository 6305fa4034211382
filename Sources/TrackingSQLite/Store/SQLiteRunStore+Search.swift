import Tracking

extension SQLiteRunStore {
    public func searchRuns(_ query: RunQuery) async throws -> Page<Run> {
        let offset = try PageToken.decode(query.pageToken, fingerprint: query.fingerprint)
        let keys = query.experimentIds.compactMap { Int64($0) }
        guard !keys.isEmpty else { return Page(items: [], nextPageToken: nil) }
        let search = RunSearchSQL(query, experimentKeys: keys, offset: offset, dialect: SQLiteDialect())
        let (runs, more) = try await read { db in
            let select = try db.prepare(search.sql).bind(search.parameters.map(SQLValue.init))
            var ids: [String] = []
            while try select.step() { ids.append(select.text(0)) }
            let more = ids.count > query.maxResults
            return (try db.runs(Array(ids.prefix(query.maxResults))), more)
        }
        let next = more ? PageToken.encode(offset: offset + query.maxResults, fingerprint: query.fingerprint) : nil
        return Page(items: runs, nextPageToken: next)
    }
}

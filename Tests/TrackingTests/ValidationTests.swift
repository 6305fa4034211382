import Testing
import Tracking

struct ValidationTests {
    @Test(arguments: ["acc", "val/loss", "a.b", "with space", "a:b", "a-b_c", "ünï", "x/y/z"])
    func acceptsKeys(_ key: String) throws {
        try Validation.key(key, kind: .metric)
    }

    @Test(arguments: ["", ".", "..", "../a", "a/../b", "/a", "a/", "a//b", "./a", "a/.", "a!", "a\\b", "tab\tkey"])
    func rejectsKeys(_ key: String) {
        #expect(throws: TrackingError.self) { try Validation.key(key, kind: .metric) }
    }

    @Test func keyMessagesAreMLflows() {
        #expect(throws: TrackingError.invalidParameter(
            "Invalid metric name: 'a!'. Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), "
                + "spaces ( ), colon(:) and slashes (/).")) { try Validation.key("a!", kind: .metric) }
        #expect(throws: TrackingError.invalidParameter(
            "Invalid param name: 'a//b'. Names may be treated as files in certain cases, and must not resolve to other "
                + "names when treated as such. This name would resolve to 'a/b'")) { try Validation.key("a//b", kind: .param) }
    }

    @Test func runIds() throws {
        try Validation.runId("0123456789abcdef0123456789abcdef")
        try Validation.runId("run-1_x")
        for bad in ["", "-a", "a b", "a/b", String(repeating: "a", count: 257)] {
            #expect(throws: TrackingError.self) { try Validation.runId(bad) }
        }
    }

    @Test func truncatesByUnicodeScalars() {
        #expect(Validation.truncated("aé😀b", to: 3) == "aé😀")
        #expect(Validation.truncated("short", to: 10) == "short")
    }

    @Test func duplicateParamsInABatch() throws {
        let batch = try Validation.batch(metrics: [], params: [Param(key: "a", value: "1"), Param(key: "a", value: "1")], tags: [])
        #expect(batch.params == [Param(key: "a", value: "1")])
        #expect(throws: TrackingError.self) {
            try Validation.batch(metrics: [], params: [Param(key: "a", value: "1"), Param(key: "a", value: "2")], tags: [])
        }
    }

    @Test func maxResults() throws {
        #expect(try Validation.maxResults(nil) == 1000)
        #expect(try Validation.maxResults(50000) == 50000)
        #expect(throws: TrackingError.self) { try Validation.maxResults(50001) }
        #expect(throws: TrackingError.self) { try Validation.maxResults(0) }
    }

    @Test func errorCodesMapToMLflowStatuses() {
        #expect(TrackingError.Code.invalidParameterValue.httpStatus == 400)
        #expect(TrackingError.Code.resourceAlreadyExists.httpStatus == 400)
        #expect(TrackingError.Code.resourceDoesNotExist.httpStatus == 404)
        #expect(TrackingError.Code.internalError.httpStatus == 500)
        #expect(TrackingError.Code.temporarilyUnavailable.httpStatus == 503)
    }
}

struct MetricAndLikeTests {
    @Test func latestRule() {
        let base = Metric(key: "m", value: 1, timestamp: 10, step: 5)
        #expect(Metric(key: "m", value: 0, timestamp: 0, step: 6).isNewer(than: base))
        #expect(Metric(key: "m", value: 0, timestamp: 11, step: 5).isNewer(than: base))
        #expect(Metric(key: "m", value: 2, timestamp: 10, step: 5).isNewer(than: base))
        #expect(!Metric(key: "m", value: 1, timestamp: 10, step: 5).isNewer(than: base))
        #expect(!Metric(key: "m", value: .nan, timestamp: 10, step: 5).isNewer(than: base))
        #expect(base.isNewer(than: Metric(key: "m", value: .nan, timestamp: 10, step: 5)))
        #expect(!Metric(key: "m", value: 9, timestamp: 99, step: 4).isNewer(than: base))
    }

    @Test(arguments: [
        ("abc", "a%", false, true), ("abc", "A%", false, false), ("abc", "A%", true, true),
        ("abc", "_b_", false, true), ("abc", "%", false, true), ("", "%", false, true), ("", "_", false, false),
        ("a%c", "a%c", false, true), ("aXbXc", "%b%c", false, true), ("abc", "ab", false, false),
        ("ÉTÉ", "été", true, true), ("mississippi", "%iss%ppi", false, true),
    ])
    func likePatterns(_ value: String, _ pattern: String, _ caseInsensitive: Bool, _ expected: Bool) {
        #expect(LikePattern.matches(value, pattern: pattern, caseInsensitive: caseInsensitive) == expected)
    }
}

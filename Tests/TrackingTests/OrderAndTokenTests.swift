import Testing
import Tracking

struct OrderTermTests {
    @Test(arguments: [
        ("metrics.acc DESC", OrderTerm(.metric("acc"), ascending: false)),
        ("metrics.`f1 score` asc", OrderTerm(.metric("f1 score"))),
        ("attributes.start_time", OrderTerm(.attribute("start_time"))),
        ("start_time DESC", OrderTerm(.attribute("start_time"), ascending: false)),
        ("params.lr", OrderTerm(.param("lr"))),
        ("tags.`mlflow.runName` DESC", OrderTerm(.tag("mlflow.runName"), ascending: false)),
        ("experiment_id", OrderTerm(.attribute("experiment_id"))),
        ("created", OrderTerm(.attribute("start_time"))),
        ("attributes.duration DESC", OrderTerm(.attribute("duration"), ascending: false)),
        ("duration", OrderTerm(.attribute("duration"))),
    ])
    func parses(_ clause: String, _ expected: OrderTerm) throws {
        #expect(try OrderTerm.parse(clause) == expected)
    }

    @Test(arguments: ["", "metrics.acc DOWN", "foo.acc", "attributes.color", "metrics.acc DESC extra"])
    func rejects(_ clause: String) {
        #expect(throws: TrackingError.self) { try OrderTerm.parse(clause) }
    }

    @Test func tieBreakFollowsRequestedTerms() {
        let ordering = SearchOrdering([OrderTerm(.attribute("start_time"))], tieBreak: OrderTerm.runTieBreak)
        #expect(ordering.terms == [OrderTerm(.attribute("start_time")), OrderTerm(.attribute("run_id"))])
        #expect(SearchOrdering([], tieBreak: OrderTerm.runTieBreak).terms == OrderTerm.runTieBreak)
    }

    @Test func experimentOrdering() throws {
        #expect(try OrderTerm.parse("name DESC", target: .experiments) == OrderTerm(.attribute("name"), ascending: false))
        #expect(throws: TrackingError.self) { try OrderTerm.parse("metrics.a", target: .experiments) }
    }
}

struct PageTokenTests {
    @Test(arguments: [0, 1, 7, 1000, 49_999])
    func roundTrips(_ offset: Int) throws {
        let token = PageToken.encode(offset: offset, fingerprint: "q")
        #expect(try PageToken.decode(token, fingerprint: "q") == offset)
    }

    @Test func absentTokenIsTheStart() throws {
        #expect(try PageToken.decode(nil, fingerprint: "q") == 0)
        #expect(try PageToken.decode("", fingerprint: "q") == 0)
    }

    @Test func tamperedOrForeignTokensAreRejected() {
        let token = PageToken.encode(offset: 10, fingerprint: "q")
        // MLflow's own token (base64 of {"offset": 2}) is not ours either.
        let forged = [token + "=", "eyJvZmZzZXQiOiAyfQ==", "b2Zmc2V0OjEwOjA=", "%%%%", String(token.reversed())]
        for bad in forged {
            #expect(throws: TrackingError.self, "\(bad)") { try PageToken.decode(bad, fingerprint: "q") }
        }
        #expect(throws: TrackingError.self) { try PageToken.decode(token, fingerprint: "other query") }
    }
}

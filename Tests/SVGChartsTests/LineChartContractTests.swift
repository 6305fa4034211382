import SVGCharts
import Testing

/// The UI contract's chart: root attributes, one `path.series` per series, legend only with 2+ series,
/// a text alternative the root points at, escaped user text.
struct LineChartContractTests {
    static func parse(_ series: [ChartSeries], _ configure: (inout LineChartOptions) -> Void = { _ in }) throws
        -> (svg: String, root: XMLElement)
    {
        var options = LineChartOptions()
        configure(&options)
        let svg = LineChart.render(series, options: options)
        return (svg, try MiniXML.parse(svg))
    }

    @Test func theRootCarriesTheContractAttributes() throws {
        let (_, root) = try Self.parse([ChartFixtures.loss(name: "loss", count: 50)]) {
            $0.width = 500
            $0.height = 200
        }
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["width"] == "500")
        #expect(root.attributes["height"] == "200")
        #expect(root.attributes["viewBox"] == "0 0 500 200")
        #expect(root.attributes["data-series-count"] == "1")
        #expect(root.all("g", class: "axis").count == 2)
        #expect(root.all("g", class: "x").count == 1)
        #expect(root.all("g", class: "y").count == 1)
        #expect(root.all("style").count == 1)
        #expect(root.all("style")[0].text.contains("prefers-color-scheme:dark"))
    }

    @Test func ariaLabelledbyNamesTheTitleAndTheDescription() throws {
        let (_, root) = try Self.parse([ChartFixtures.loss(name: "loss", count: 50)]) { $0.title = "Training loss" }
        let ids = (root.attributes["aria-labelledby"] ?? "").split(separator: " ").map(String.init)
        #expect(ids.count == 2)
        let identified = root.descendantsAndSelf.compactMap { element in
            element.attributes["id"].map { ($0, element) }
        }
        let byId = Dictionary(identified) { first, _ in first }
        #expect(byId[ids[0]]?.name == "title")
        #expect(byId[ids[0]]?.text == "Training loss")
        #expect(byId[ids[1]]?.name == "desc")
        #expect(byId[ids[1]]?.text.contains("loss: 50 points") == true)
    }

    @Test func differentChartsGetDifferentIds() throws {
        let (_, first) = try Self.parse([ChartFixtures.loss(name: "loss", count: 5)])
        let (_, second) = try Self.parse([ChartFixtures.loss(name: "accuracy", count: 5)])
        let (_, chosen) = try Self.parse([ChartFixtures.loss(name: "loss", count: 5)]) { $0.identifier = "run-7<loss>" }
        #expect(first.attributes["aria-labelledby"] != second.attributes["aria-labelledby"])
        #expect(chosen.attributes["aria-labelledby"] == "run-7loss-title run-7loss-desc")
    }

    @Test(arguments: [1, 2, 3, 10])
    func onePathPerSeriesAndALegendOnlyFromTwo(count: Int) throws {
        let series = (0..<count).map { ChartFixtures.loss(name: "run \($0)", count: 300, seed: UInt64($0)) }
        let (_, root) = try Self.parse(series)
        let paths = root.all("path", class: "series")
        #expect(root.attributes["data-series-count"] == String(count))
        #expect(paths.map { $0.attributes["data-series"] } == series.map(\.name))
        #expect(root.all("g", class: "legend").count == (count >= 2 ? 1 : 0))
        if count >= 2 {
            #expect(root.all("g", class: "legend")[0].allText == series.map(\.name).joined())
        }
    }

    @Test func markersCarryHoverValues() throws {
        let points = [ChartPoint(x: 0, y: 1), ChartPoint(x: 120, y: 0.873_123), ChartPoint(x: 240, y: 0.5)]
        let (_, root) = try Self.parse([ChartSeries(name: "acc", points: points)])
        let titles = root.all("circle").map { $0.all("title").first?.text }
        #expect(titles == ["acc  step 0: 1", "acc  step 120: 0.87312", "acc  step 240: 0.5"])
    }

    @Test func smoothingKeepsTheRawLineFaintAndReportsBothValues() throws {
        let points = [1.0, 3, 5].enumerated().map { ChartPoint(x: Double($0.offset), y: $0.element) }
        let (_, root) = try Self.parse([ChartSeries(name: "loss", points: points)]) { $0.smoothing = 0.5 }
        #expect(root.all("path", class: "raw").count == 1)
        #expect(root.all("path", class: "series").count == 1)
        let titles = root.all("circle").compactMap { $0.all("title").first?.text }
        #expect(titles.last == "loss  step 2: 5 (smoothed 3.8571)")  // 27/7, worked out by hand
    }

    @Test func timeAxisHoverShowsUTCTimes() throws {
        let start = 1_795_802_400_000.0  // 2026-11-27 18:00:00 UTC
        let points = (0..<4).map { ChartPoint(x: start + Double($0) * 60_000, y: Double($0)) }
        let (_, root) = try Self.parse([ChartSeries(name: "acc", points: points)]) { $0.xAxis = .time }
        let titles = root.all("circle").compactMap { $0.all("title").first?.text }
        #expect(titles.first == "acc  2026-11-27 18:00:00 UTC: 0")
        #expect(root.all("g", class: "x")[0].allText.contains("18:01"))
    }

    @Test func aHostileSeriesNameIsEscapedEverywhere() throws {
        let name = "</title><script>alert(\"x\")</script> & 'q' \u{01}"
        let (svg, root) = try Self.parse([
            ChartSeries(name: name, points: [ChartPoint(x: 0, y: 1), ChartPoint(x: 1, y: 2)]),
            ChartSeries(name: "b", points: [ChartPoint(x: 0, y: 1)]),
        ])
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("\u{01}"))
        #expect(root.all("script").isEmpty)
        let cleaned = name.replacingOccurrences(of: "\u{01}", with: "\u{FFFD}")
        #expect(root.all("path", class: "series")[0].attributes["data-series"] == cleaned)
        #expect(root.all("title")[0].text.hasPrefix(cleaned))
    }

    @Test func compactModeIsASparklineWithoutAxesLegendOrMarkers() throws {
        let series = [ChartFixtures.loss(name: "a", count: 5000), ChartFixtures.loss(name: "b", count: 5000, seed: 2)]
        let (svg, root) = try Self.parse(series) {
            $0.compact = true
            $0.width = 120
            $0.height = 24
        }
        #expect(root.all("path", class: "series").count == 2)
        #expect(root.all("g", class: "axis").isEmpty)
        #expect(root.all("g", class: "legend").isEmpty)
        #expect(root.all("circle").isEmpty)
        #expect(root.all("desc").count == 1)
        #expect(svg.utf8.count < 30_000)
    }
}

extension String {
    /// Foundation-free replacement for the tests.
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

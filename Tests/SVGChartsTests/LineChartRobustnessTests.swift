import SVGCharts
import Testing

/// Size bounds for long histories, and degenerate input that must still give a valid chart.
struct LineChartRobustnessTests {
    static func render(_ series: [ChartSeries], _ configure: (inout LineChartOptions) -> Void = { _ in }) -> String {
        var options = LineChartOptions()
        configure(&options)
        return LineChart.render(series, options: options)
    }

    /// Well-formed, and every coordinate a finite number (no NaN or infinity leaks into the drawing).
    static func expectValid(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> XMLElement {
        let root = try MiniXML.parse(svg)
        let pathCharacters = Set("MLHVZv0123456789.,-")
        for element in root.descendantsAndSelf {
            for (name, value) in element.attributes {
                if name == "d" {
                    #expect(value.allSatisfy(pathCharacters.contains), "d=\(value)", sourceLocation: sourceLocation)
                } else if ["x", "y", "cx", "cy", "r", "width", "height"].contains(name) {
                    #expect(Double(value)?.isFinite == true, "\(name)=\(value)", sourceLocation: sourceLocation)
                }
            }
        }
        return root
    }

    @Test func oneSeriesOfAHundredThousandPointsStaysUnder200KB() throws {
        let svg = Self.render([ChartFixtures.loss(name: "train/loss", count: 100_000)])
        #expect(svg.utf8.count < 200_000)
        let root = try Self.expectValid(svg)
        #expect(root.all("circle").count > 100)
        #expect(root.all("desc")[0].text.contains("100000 points"))
    }

    @Test func tenSmoothedSeriesOfAHundredThousandPointsStayUnder200KB() throws {
        let series = (0..<10).map {
            ChartFixtures.loss(name: "run \($0) with a long metric name here", count: 100_000, seed: UInt64($0))
        }
        let svg = Self.render(series) { $0.smoothing = 0.6 }
        #expect(svg.utf8.count < 200_000)
        let root = try Self.expectValid(svg)
        #expect(root.all("path", class: "series").count == 10)
        #expect(root.all("path", class: "raw").count == 10)
    }

    /// The spike at step 50,000 must still reach the top of the drawn line after downsampling.
    @Test func theSpikeSurvivesInTheDrawing() throws {
        let svg = Self.render([ChartFixtures.loss(name: "loss", count: 100_000)])
        let root = try Self.expectValid(svg)
        let titles = root.all("circle").compactMap { $0.all("title").first?.text }
        #expect(titles.contains("loss  step 50000: 10"))
    }

    @Test func nonFiniteValuesAreSkippedAndCounted() throws {
        let points = [
            ChartPoint(x: 0, y: 1), ChartPoint(x: 1, y: .nan), ChartPoint(x: 2, y: .infinity),
            ChartPoint(x: 3, y: 2), ChartPoint(x: 4, y: -.infinity), ChartPoint(x: 5, y: 3),
        ]
        let root = try Self.expectValid(Self.render([ChartSeries(name: "m", points: points)]))
        #expect(root.all("desc")[0].text.contains("m: 3 points, min 1, max 3, last 3, 3 non-finite values not drawn."))
    }

    @Test func anEmptySeriesListSaysSo() throws {
        let root = try Self.expectValid(Self.render([]))
        #expect(root.attributes["data-series-count"] == "0")
        #expect(root.all("path", class: "series").isEmpty)
        #expect(root.all("text", class: "message").first?.text == "No series")
    }

    @Test func seriesWithoutDrawablePointsStillGetTheirPaths() throws {
        let root = try Self.expectValid(Self.render([
            ChartSeries(name: "empty", points: []),
            ChartSeries(name: "all NaN", points: [ChartPoint(x: 0, y: .nan)]),
        ]))
        #expect(root.all("path", class: "series").count == 2)
        #expect(root.all("text", class: "message").first?.text == "No data")
        #expect(root.all("desc")[0].text.contains("empty: no points."))
        #expect(root.all("desc")[0].text.contains("all NaN: no points, 1 non-finite value not drawn."))
    }

    @Test func onePointIsDrawnAsAVisibleDot() throws {
        let root = try Self.expectValid(Self.render([ChartSeries(name: "x", points: [ChartPoint(x: 5, y: 0.3)])]))
        #expect(root.all("path", class: "series")[0].attributes["d"]?.hasSuffix("Z") == true)
        #expect(root.all("circle")[0].attributes["class"] == "lone")
        #expect(!root.all("g", class: "y")[0].allText.isEmpty)
    }

    @Test func allEqualValuesGetAPaddedAxis() throws {
        let points = (0..<10).map { ChartPoint(x: Double($0), y: 0.25) }
        let root = try Self.expectValid(Self.render([ChartSeries(name: "flat", points: points)]))
        #expect(root.all("g", class: "y")[0].children.filter { $0.name == "text" }.count >= 4)
    }

    @Test func hostileOptionsAreClamped() throws {
        let series = [ChartFixtures.loss(name: "loss", count: 1000)]
        let hostile = [(0, -5, Double.nan, 0), (1_000_000, 3, 5.0, -1), (16, 16, -1.0, 2)]
        for (width, height, smoothing, maximum) in hostile {
            let root = try Self.expectValid(Self.render(series) {
                $0.width = width
                $0.height = height
                $0.smoothing = smoothing
                $0.maxPointsPerSeries = maximum
            })
            #expect(root.attributes["width"].flatMap { Int($0) }.map { (16...10_000).contains($0) } == true)
            #expect((root.all("path", class: "series")[0].attributes["d"]?.count ?? .max) < 100_000)
        }
    }

    @Test func extremeValuesStayFinite() throws {
        let points = [
            ChartPoint(x: -1e300, y: -Double.greatestFiniteMagnitude),
            ChartPoint(x: 1e300, y: Double.greatestFiniteMagnitude),
        ]
        _ = try Self.expectValid(Self.render([ChartSeries(name: "wild", points: points)]))
        _ = try Self.expectValid(Self.render([ChartSeries(name: "wild", points: points)]) { $0.xAxis = .time })
        let tiny = [ChartPoint(x: 0, y: .leastNonzeroMagnitude), ChartPoint(x: 1, y: 2 * .leastNonzeroMagnitude)]
        _ = try Self.expectValid(Self.render([ChartSeries(name: "tiny", points: tiny)]))
    }

    @Test func pointsOutOfOrderAreDrawnInXOrder() throws {
        let points = [ChartPoint(x: 2, y: 20), ChartPoint(x: 0, y: 0), ChartPoint(x: 1, y: 10)]
        let root = try Self.expectValid(Self.render([ChartSeries(name: "m", points: points)]))
        let titles = root.all("circle").compactMap { $0.all("title").first?.text }
        #expect(titles == ["m  step 0: 0", "m  step 1: 10", "m  step 2: 20"])
    }
}

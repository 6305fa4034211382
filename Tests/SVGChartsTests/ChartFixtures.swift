import SVGCharts

/// Deterministic test data: a decaying noisy loss with a spike, from a fixed linear congruential generator.
enum ChartFixtures {
    static func loss(name: String, count: Int, seed: UInt64 = 1) -> ChartSeries {
        var state = seed
        var points: [ChartPoint] = []
        points.reserveCapacity(count)
        for step in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let noise = Double(state >> 11) / Double(UInt64(1) << 53)
            points.append(ChartPoint(x: Double(step), y: 2.5 / (1 + Double(step) / 1000) + noise * 0.1))
        }
        if count > 100 { points[count / 2].y = 10 }
        return ChartSeries(name: name, points: points)
    }
}

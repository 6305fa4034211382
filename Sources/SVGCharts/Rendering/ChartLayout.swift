/// Where things go, in pixels: the plot area and the legend items.
struct ChartLayout {
    var width: Double
    var height: Double
    var plotLeft: Double
    var plotRight: Double
    var plotTop: Double
    var plotBottom: Double
    /// Top-left corners of the legend swatches, one per series; empty when there is no legend.
    var legendOrigins: [(x: Double, y: Double)] = []

    /// Approximate width of one character at the stylesheet's 11 px font.
    static let characterWidth = 6.5
    static let legendRowHeight = 16.0
    static let legendNameLimit = 24

    init(width: Int, height: Int, compact: Bool, yLabels: [String], legendNames: [String]) {
        self.width = Double(width)
        self.height = Double(height)
        if compact {
            (plotLeft, plotRight, plotTop, plotBottom) = (2, self.width - 2, 2, self.height - 2)
            return
        }
        let widestLabel = yLabels.map(\.count).max() ?? 1
        plotLeft = max(28, Double(widestLabel) * Self.characterWidth + 12)
        plotRight = self.width - 14
        var y = 8.0
        var x = plotLeft
        if legendNames.count >= 2 {
            for name in legendNames {
                let characters = SVGWriter.truncated(name, to: Self.legendNameLimit).count
                let itemWidth = 28 + Double(characters) * Self.characterWidth
                if x + itemWidth > self.width - 4, x > plotLeft {
                    x = plotLeft
                    y += Self.legendRowHeight
                }
                legendOrigins.append((x, y))
                x += itemWidth
            }
            y += Self.legendRowHeight
        }
        plotTop = y + 4
        plotBottom = max(plotTop + 8, self.height - 34)
        if plotRight <= plotLeft + 8 { plotRight = plotLeft + 8 }
    }
}

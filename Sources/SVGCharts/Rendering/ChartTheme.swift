/// The chart's inline stylesheet: colours are custom properties on `.quire-chart`, swapped for dark mode, so a page
/// can override them. Series take colours from their group's class `s1`…`s10` (stroke and fill inherit).
enum ChartTheme {
    static let seriesColourCount = 10

    /// Light palette: dark enough on white. Dark palette: the same hues lightened for dark backgrounds.
    private static let light = [
        "#1f77b4", "#d62728", "#2ca02c", "#e66100", "#9467bd", "#8c564b", "#c2185b", "#5f6b6d", "#7a7a00", "#00838f",
    ]
    private static let dark = [
        "#6cb4ee", "#ff6b6b", "#5fd35f", "#ffa24d", "#c5a3ff", "#d4a37f", "#ff7fbf", "#b0b8ba", "#d4d44a", "#4dd0e1",
    ]

    /// The class of the group holding series number `index` (0-based); colours repeat after ten.
    static func seriesClass(_ index: Int) -> String {
        "s" + String(index % seriesColourCount + 1)
    }

    static let stylesheet: String = {
        func properties(_ palette: [String]) -> String {
            palette.enumerated().map { "--qc-\($0.offset + 1):\($0.element);" }.joined()
        }
        var css = ".quire-chart{color-scheme:light dark;font:11px system-ui,sans-serif;"
        css += "--qc-text:#333;--qc-grid:#e4e4e4;--qc-axis:#888;" + properties(light) + "}"
        css += "@media (prefers-color-scheme:dark){.quire-chart{"
        css += "--qc-text:#ddd;--qc-grid:#3a3a3a;--qc-axis:#999;" + properties(dark) + "}}"
        css += ".quire-chart text{fill:var(--qc-text);stroke:none}"
        css += ".quire-chart .grid{stroke:var(--qc-grid);fill:none}"
        css += ".quire-chart .axis path{stroke:var(--qc-axis);fill:none}"
        css += ".quire-chart .axis.y text{text-anchor:end}"
        css += ".quire-chart .axis.x text,.quire-chart .message{text-anchor:middle}"
        css += ".quire-chart .series{fill:none;stroke-width:1.5;stroke-linejoin:round;stroke-linecap:round}"
        css += ".quire-chart .raw{fill:none;stroke-width:1;stroke-opacity:.3;stroke-linecap:round}"
        css += ".quire-chart .markers circle{stroke:none;fill-opacity:0}"
        css += ".quire-chart .markers circle:hover,.quire-chart .markers .lone{fill-opacity:1}"
        for index in 0..<seriesColourCount {
            css += ".quire-chart .s\(index + 1){stroke:var(--qc-\(index + 1));fill:var(--qc-\(index + 1))}"
        }
        return css
    }()
}

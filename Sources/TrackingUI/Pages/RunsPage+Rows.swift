import MarkupEscaping
import Tracking

extension RunsPage {
    /// The table body in one pass into one pre-sized string: at 1,000 rows of 40 columns a
    /// template context per cell would cost more than the rest of the page.
    static func rows(_ runs: [Run], columns: [RunColumn]) -> String {
        var html = ""
        html.reserveCapacity(runs.count * (columns.count * 72 + 200))
        for run in runs {
            let id = MarkupEscaping.escape(run.info.runId)
            let name = RunsPage.displayName(run)
            html += "<tr data-run-id=\""
            html += id
            html += "\"><td class=\"select\"><input type=\"checkbox\" name=\"runs\" value=\""
            html += id
            html += "\" aria-label=\"Select "
            MarkupEscaping.append(name, to: &html)
            html += "\"></td>"
            for column in columns { appendCell(column.key, of: run, name: name, to: &html) }
            html += "</tr>\n"
        }
        return html
    }

    static func displayName(_ run: Run) -> String {
        run.info.runName.isEmpty ? String(run.info.runId.prefix(8)) : run.info.runName
    }

    static func appendCell(_ key: String, of run: Run, name: String, to html: inout String) {
        var text = ""
        var title: String?
        var href: String?
        var numeric = false
        switch key {
        case "attributes.run_name":
            text = name
            href = "/runs/" + URLEncoding.encode(run.info.runId)
        case "attributes.status":
            text = run.info.status.rawValue
        case "attributes.start_time":
            text = DateFormat.utc(run.info.startTime)
        case "attributes.duration":
            numeric = true
            if let end = run.info.endTime { text = DateFormat.duration(end - run.info.startTime) }
        case "tags.mlflow.user":
            text = run.data.tags[SystemTag.user] ?? run.info.userId
        case "tags.mlflow.source.name":
            let source = run.data.tags[key.dropPrefix("tags.")] ?? ""
            text = source.split(separator: "/").last.map(String.init) ?? ""
            title = source
        case "tags.mlflow.source.git.commit":
            let commit = run.data.tags[key.dropPrefix("tags.")] ?? ""
            text = String(commit.prefix(8))
            title = commit
        default:
            if key.hasPrefix("params.") {
                text = run.data.params[key.dropPrefix("params.")] ?? ""
            } else if key.hasPrefix("metrics.") {
                numeric = true
                if let metric = run.data.metrics[key.dropPrefix("metrics.")] {
                    text = NumberFormat.compact(metric.value)
                    title = String(metric.value)
                }
            } else if key.hasPrefix("tags.") {
                text = run.data.tags[key.dropPrefix("tags.")] ?? ""
            }
        }
        html += numeric ? "<td class=\"num\" data-key=\"" : "<td data-key=\""
        MarkupEscaping.append(key, to: &html)
        if let title, !title.isEmpty, title != text {
            html += "\" title=\""
            MarkupEscaping.append(title, to: &html)
        }
        html += "\">"
        if let href {
            html += "<a href=\""
            MarkupEscaping.append(href, to: &html)
            html += "\">"
            MarkupEscaping.append(text, to: &html)
            html += "</a>"
        } else {
            MarkupEscaping.append(text, to: &html)
        }
        html += "</td>"
    }
}

extension String {
    func dropPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}

import Foundation
import RecovCheck
import RecovIR

/// The self-contained HTML report (`--report DIR` writes `DIR/index.html`): a summary table of
/// procedures × properties, then one section per violation with its one-sentence summary, the
/// entities and keys involved, and the timeline of the trace with state diffs and source lines.
///
/// One file, inline CSS, no scripts, no external assets (a Content-Security-Policy forbids any
/// fetch), so it opens offline and renders the same everywhere. Every text is HTML-escaped.
/// The page holds no timestamp: the same run gives the same bytes.
public enum HTMLReport {
    /// Name of the page inside the report folder.
    public static let fileName = "index.html"

    /// Writes `index.html` into `directory` (created if needed); returns the page's path.
    @discardableResult
    public static func write(_ report: RunReport, to directory: String) throws -> String {
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let page = url.appendingPathComponent(fileName)
        try Data(render(report).utf8).write(to: page, options: .atomic)
        return page.path
    }

    /// Escapes `&`, `<`, `>`, `"` and `'` for text and attribute values.
    public static func escape(_ s: String) -> String {
        MarkupEscape.escape(s, apostrophe: "&#39;") { String($0) }
    }

    /// An id usable as a fragment: ASCII letters, digits and `-`.
    static func anchor(_ r: CheckResult, index: Int) -> String {
        let base = (r.procedure + "-" + r.rule.rawValue).map { c -> Character in
            c.isASCII && (c.isLetter || c.isNumber) ? c : "-"
        }
        return "v\(index)-" + String(base)
    }

    public static func render(_ report: RunReport) -> String {
        var h = ""
        h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<title>recovcheck report: \(escape(verdictLine(report)))</title>\n"
        h += "<style>\n\(css)</style>\n</head>\n<body>\n"
        h += "<header>\n<h1>recovcheck report</h1>\n"
        h += "<p class=\"meta\">recovcheck \(escape(RunReport.toolVersion)) · depth \(report.options.depth)"
        if !report.inputs.isEmpty {
            h +=
                " · inputs: "
                + report.inputs.map { "<code>\(escape(SourcePath.relative($0)))</code>" }.joined(separator: ", ")
        }
        h += "</p>\n"
        h +=
            "<p class=\"totals exit-\(report.exitCode)\" id=\"totals\">\(escape(TextRenderer().summary(report))) — exit code \(report.exitCode)</p>\n</header>\n"
        h += summaryTable(report)
        h += findings(report)
        h += acceptedRoles(report)
        var index = 0
        for e in report.entries {
            guard let cex = e.result.counterexample else { continue }
            index += 1
            if let w = e.world { h += violation(e.result, cex, world: w, anchor: anchor(e.result, index: index)) }
        }
        h +=
            "<footer><p>Rules: "
            + Checker.rules.map { "<code>\(escape($0.rawValue))</code>: \(escape($0.shortDescription))" }.joined(
                separator: "<br>\n") + "</p></footer>\n"
        h += "</body>\n</html>\n"
        return h
    }

    private static func verdictLine(_ report: RunReport) -> String {
        report.count(.violated) > 0
            ? "\(report.count(.violated)) violated"
            : report.count(.error) > 0
                ? "\(report.count(.error)) error(s)"
                : report.count(.unknown) > 0 ? "\(report.count(.unknown)) unknown" : "all hold"
    }

    private static func verdictText(_ v: VerdictKind) -> String {
        switch v {
        case .proved: return "proved"
        case .holds: return "holds"
        case .violated: return "VIOLATED"
        case .unknown: return "unknown"
        case .error: return "error"
        case .notApplicable: return "n/a"
        }
    }

    // MARK: Summary

    private static func summaryTable(_ report: RunReport) -> String {
        var anchors: [String: String] = [:]
        var index = 0
        for r in report.results where r.counterexample != nil {
            index += 1
            anchors[r.procedure + "\u{0}" + r.rule.rawValue] = anchor(r, index: index)
        }
        let rules = Checker.rules.filter { rule in report.results.contains { $0.rule == rule } }
        var h =
            "<section id=\"summary\">\n<h2>Procedures × properties</h2>\n<table class=\"summary\" id=\"summary-table\">\n<thead><tr><th scope=\"col\">procedure</th>"
        for rule in rules {
            h += "<th scope=\"col\" title=\"\(escape(rule.shortDescription))\">\(escape(rule.rawValue))</th>"
        }
        h += "</tr></thead>\n<tbody>\n"
        for group in report.groups {
            let p = group.name
            h += "<tr><th scope=\"row\">\(escape(p))"
            if let d = group.procedure { h += "<div class=\"sub\">\(escape(d.model)) / \(escape(d.incident))</div>" }
            h += "</th>"
            for rule in rules {
                guard let r = group.entries.first(where: { $0.result.rule == rule })?.result else {
                    h += "<td class=\"verdict none\">—</td>"
                    continue
                }
                let cls = "verdict v-\(r.verdict.rawValue)"
                let text = escape(verdictText(r.verdict)) + (r.cached ? " <span class=\"cached\">(cached)</span>" : "")
                if let a = anchors[p + "\u{0}" + rule.rawValue] {
                    h += "<td class=\"\(cls)\" title=\"\(escape(r.message))\"><a href=\"#\(a)\">\(text)</a></td>"
                } else {
                    h += "<td class=\"\(cls)\" title=\"\(escape(r.message))\">\(text)</td>"
                }
            }
            h += "</tr>\n"
        }
        h += "</tbody>\n</table>\n</section>\n"
        return h
    }

    /// The roles accepted as held by one entity (`.allowUnilateral`), with their reasons, per
    /// procedure; nothing when none is accepted.
    private static func acceptedRoles(_ report: RunReport) -> String {
        let rows = report.results.flatMap { r in (r.acceptedUnilateral ?? []).map { (r.procedure, $0) } }
        if rows.isEmpty { return "" }
        var h = "<section id=\"accepted\">\n<h2>Accepted unilateral roles</h2>\n<table class=\"findings\">\n"
        h +=
            "<thead><tr><th>procedure</th><th>role</th><th>why one entity is accepted</th><th>where</th></tr></thead>\n<tbody>\n"
        for (p, a) in rows {
            h +=
                "<tr><td>\(escape(p))</td><td><code>\(escape(a.role))</code></td><td>\(escape(a.reason))</td><td class=\"loc\">\(escape(locationText(a.location)))</td></tr>\n"
        }
        h += "</tbody>\n</table>\n</section>\n"
        return h
    }

    /// Every result that is not a plain pass, with its message and location.
    private static func findings(_ report: RunReport) -> String {
        let notable = report.results.filter { !$0.verdict.passes && $0.verdict != .notApplicable }
        var h = "<section id=\"findings\">\n<h2>Findings</h2>\n"
        if notable.isEmpty {
            h += "<p class=\"ok\">Every required property holds.</p>\n</section>\n"
            return h
        }
        h +=
            "<table class=\"findings\">\n<thead><tr><th>procedure</th><th>property</th><th>verdict</th><th>what</th><th>where</th></tr></thead>\n<tbody>\n"
        for r in notable {
            h += "<tr><td>\(escape(r.procedure))</td><td><code>\(escape(r.rule.rawValue))</code></td>"
            h += "<td class=\"verdict v-\(r.verdict.rawValue)\">\(escape(verdictText(r.verdict)))</td>"
            h += "<td>\(escape(r.message))</td><td class=\"loc\">\(escape(locationText(r.location)))</td></tr>\n"
        }
        h += "</tbody>\n</table>\n</section>\n"
        return h
    }

    // MARK: Violations

    private static func violation(_ r: CheckResult, _ cex: Counterexample, world: World, anchor: String) -> String {
        var h = "<section class=\"violation\" id=\"\(anchor)\">\n"
        h +=
            "<h2><span class=\"badge v-violated\">VIOLATED</span> \(escape(r.procedure)) — <code>\(escape(r.rule.rawValue))</code></h2>\n"
        h += "<p class=\"summary-sentence\">\(escape(cex.summary))</p>\n"
        h += "<dl class=\"facts\">\n"
        h += "<dt>property</dt><dd>\(escape(r.rule.shortDescription))</dd>\n"
        h += "<dt>violated declaration</dt><dd class=\"loc\">\(escape(locationText(cex.location)))</dd>\n"
        h += "<dt>scenario</dt><dd>model \(escape(world.model.name)), incident \(escape(world.incident.name))"
        if !world.compromised.isEmpty {
            h += " (compromised: \(escape(world.compromised.sorted().joined(separator: ", "))))"
        }
        h += "</dd>\n"
        h += "<dt>trace</dt><dd>\(cex.steps.count - 1) transition(s), checked to depth \(r.depth)</dd>\n"
        if let a = cex.account { h += "<dt>representative account</dt><dd>#\(a)</dd>\n" }
        if let c = cex.coalition, !c.isEmpty {
            h += "<dt>coalition</dt><dd>\(escape(c.joined(separator: ", ")))</dd>\n"
        }
        if let w = r.worstCase {
            // Containment budgets are durations; blast-radius budgets are in the model's units.
            let show: (Int) -> String = r.rule == .containmentTime ? { HumanDuration.text($0) } : { String($0) }
            h +=
                "<dt>worst case found</dt><dd>\(escape(show(w)))\(r.budget.map { " (budget \(escape(show($0))))" } ?? "")</dd>\n"
        }
        h += "</dl>\n"
        let view = TraceView(cex, world: world, fullInitialState: true)
        h += entities(cex, view, world: world)
        h += timeline(view, world: world)
        h += "</section>\n"
        return h
    }

    /// The entities involved (coalition, compromised, signers) and the keys and power they hold.
    private static func entities(_ cex: Counterexample, _ view: TraceView, world: World) -> String {
        let names = world.model.entities.map(\.name)
        var involved: [String] = []
        var signedAt: [String: [Int]] = [:]
        func add(_ e: String) { if !involved.contains(e) { involved.append(e) } }
        for e in cex.coalition ?? [] { add(e) }
        for e in world.compromised.sorted() { add(e) }
        for row in view.rows {
            for s in row.signers {
                add(s.entity)
                if !(signedAt[s.entity] ?? []).contains(row.index) { signedAt[s.entity, default: []].append(row.index) }
            }
        }
        var h = "<h3>Entities and keys involved</h3>\n"
        if involved.isEmpty { return h + "<p class=\"none\">No entity signed anything in this trace.</p>\n" }
        let first = cex.steps.first?.state ?? State()
        let last = cex.steps.last?.state ?? State()
        h +=
            "<table class=\"entities\">\n<thead><tr><th>entity</th><th>status</th><th>keys at the start</th><th>keys at the end</th><th>voting power</th><th>signed at step</th></tr></thead>\n<tbody>\n"
        func keys(_ e: String, _ s: State) -> String {
            var ks = world.model.keys.map(\.name).filter { s.holders[$0] == e }
            ks += s.grants.filter { $0.entity == e && s.holders[$0.key] != e }.sorted().map { "\($0.key) (allowlist)" }
            return ks.isEmpty ? "—" : ks.joined(separator: ", ")
        }
        for e in involved {
            let status: String
            if world.compromised.contains(e) {
                status = "compromised (attacker)"
            } else if e == "attacker" {
                status = "attacker"
            } else if names.contains(e) {
                status = (cex.coalition ?? []).contains(e) ? "in coalition" : "honest"
            } else {
                status = ""
            }
            let power = world.model.roles.compactMap { r -> String? in
                switch r.rule {
                case .governance(let g):
                    guard let p = g.powers.first(where: { $0.entity == e }) else { return nil }
                    return "\(r.name): \(p.power) of \(g.powers.map(\.power).reduce(0, +))"
                case .governor(let g):
                    guard let h = g.votes.first(where: { $0.entity == e }) else { return nil }
                    return "\(r.name): \(h.value(in: last)) votes"
                case .shutdownModule(let m):
                    guard let h = m.holdings.first(where: { $0.entity == e }) else { return nil }
                    return "\(r.name): \(h.value(in: last)) to deposit"
                default: return nil
                }
            }
            let k0 = keys(e, first)
            let k1 = keys(e, last)
            h +=
                "<tr><th scope=\"row\">\(escape(e))</th><td class=\"\(world.compromised.contains(e) || e == "attacker" ? "bad" : "")\">\(escape(status))</td>"
            h += "<td>\(escape(k0))</td><td>\(k1 == k0 ? "<span class=\"same\">unchanged</span>" : escape(k1))</td>"
            h += "<td>\(escape(power.isEmpty ? "—" : power.joined(separator: "; ")))</td>"
            h += "<td>\(escape((signedAt[e] ?? []).map(String.init).joined(separator: ", ")))</td></tr>\n"
        }
        h += "</tbody>\n</table>\n"
        return h
    }

    private static func timeline(_ view: TraceView, world: World) -> String {
        var h =
            "<h3>Timeline</h3>\n" + TimelineChart.svg(view, world: world)
            + "<table class=\"timeline\">\n<thead><tr><th>#</th><th>time</th><th>actor</th><th>transition</th><th>signed by (keys)</th><th>state before → after</th><th>where</th></tr></thead>\n<tbody>\n"
        for row in view.rows {
            let actorClass = row.actor == .attacker ? "actor bad" : "actor"
            let rowClass = row.index == view.rows.count - 1 ? "step last" : (row.isInitial ? "step initial" : "step")
            h += "<tr class=\"\(rowClass)\"><td class=\"num\">\(row.index)</td>"
            h += "<td class=\"time\">\(escape(row.time))<div class=\"sub\">now = \(row.step.state.now)</div></td>"
            h += "<td class=\"\(actorClass)\">\(escape(row.actor.description))</td><td>\(escape(row.label))</td>"
            h +=
                "<td>" + (row.signers.isEmpty ? "—" : row.signers.map { "<div>\(escape($0.text))</div>" }.joined())
                + "</td>"
            h +=
                "<td><ul class=\"diff\">"
                + (row.changes.isEmpty ? "<li class=\"same\">no state change</li>" : row.changes.map(diffItem).joined())
                + "</ul></td>"
            h += "<td class=\"loc\">\(escape(row.step.location.map(locationText) ?? ""))</td></tr>\n"
        }
        h += "</tbody>\n</table>\n"
        return h
    }

    /// A value that moved as its name, struck-out before and highlighted after; anything else as text.
    private static func diffItem(_ change: StateChange) -> String {
        if let (name, before, after) = change.arrow {
            return
                "<li><span class=\"var\">\(escape(name))</span>: <span class=\"before\">\(escape(before))</span> → <span class=\"after\">\(escape(after))</span></li>"
        }
        return "<li>\(escape(change.text))</li>"
    }

    private static func locationText(_ loc: SourceLocation) -> String {
        loc == .unknown ? "" : SourcePath.relativeToProjectRoot(loc.file) + ":\(loc.line)"
    }

    private static let css = """
        :root { color-scheme: light; --holds: #1a7f37; --violated: #cf222e; --unknown: #9a6700; --error: #8250df; --na: #6e7781; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 0 auto; padding: 1.5em 2em; max-width: 1400px; color: #1f2328; background: #fff; }
        h1 { font-size: 1.6em; margin: 0 0 .2em; }
        h2 { font-size: 1.25em; margin: 1.6em 0 .5em; border-bottom: 1px solid #d0d7de; padding-bottom: .2em; }
        h3 { font-size: 1.05em; margin: 1.2em 0 .4em; }
        code, .loc { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .92em; }
        .meta { color: #57606a; margin: 0; }
        .totals { font-weight: 600; padding: .5em .8em; border-radius: 6px; background: #f6f8fa; border-left: 4px solid var(--holds); }
        .totals.exit-1 { border-left-color: var(--violated); } .totals.exit-2 { border-left-color: var(--error); } .totals.exit-3 { border-left-color: var(--unknown); }
        table { border-collapse: collapse; margin: .3em 0 1em; }
        th, td { border: 1px solid #d0d7de; padding: .35em .6em; text-align: left; vertical-align: top; }
        thead th { background: #f6f8fa; font-weight: 600; }
        .sub { color: #57606a; font-size: .85em; font-weight: normal; }
        td.verdict { font-weight: 600; text-align: center; white-space: nowrap; }
        .v-holds { color: #116329; background: #dafbe1; }
        .v-proved { color: #0a3d1c; background: #aceebb; }
        .v-violated { color: #fff; background: var(--violated); }
        .v-unknown { color: #fff; background: var(--unknown); }
        .v-error { color: #fff; background: var(--error); }
        .v-not-applicable { color: #57606a; background: #eaeef2; }
        td.verdict a { color: inherit; }
        .cached { font-weight: normal; font-size: .85em; }
        .badge { display: inline-block; padding: .05em .45em; border-radius: 4px; font-size: .8em; vertical-align: middle; }
        section.violation { border: 1px solid #d0d7de; border-left: 5px solid var(--violated); border-radius: 6px; padding: 0 1.2em .8em; margin: 1.5em 0; }
        section.violation h2 { border: none; }
        .summary-sentence { font-size: 1.08em; font-weight: 600; background: #fff1f0; padding: .6em .8em; border-radius: 6px; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; margin: .6em 0; }
        dl.facts dt { color: #57606a; } dl.facts dd { margin: 0; }
        svg.timeline-chart { display: block; margin: .4em 0 .8em; max-width: 100%; height: auto; border: 1px solid #d0d7de; border-radius: 6px; background: #fff; }
        table.timeline td.num { text-align: right; color: #57606a; }
        table.timeline td.time { white-space: nowrap; }
        table.timeline tr.last { background: #fff8f7; }
        table.timeline tr.initial { background: #f6f8fa; }
        .bad { color: var(--violated); font-weight: 600; }
        ul.diff { list-style: none; margin: 0; padding: 0; }
        ul.diff li { white-space: nowrap; }
        .var { font-family: ui-monospace, Menlo, Consolas, monospace; }
        .before { color: #82071e; text-decoration: line-through; }
        .after { color: #116329; font-weight: 600; }
        .same, .none { color: #6e7781; }
        .ok { color: var(--holds); font-weight: 600; }
        footer { margin-top: 2em; color: #57606a; font-size: .9em; border-top: 1px solid #d0d7de; }

        """
}

import RecovCheck
import RecovIR

/// An inline SVG chart of a counterexample for the HTML report: one column per trace step
/// (labelled with the time since the trigger), a shaded band while the protocol is not yet
/// contained, and — when the procedure declares a `BlastRadius` — the value lost so far as a
/// step line against the budget. A reviewer sees at a glance when containment came (or never
/// did) and where the loss grew.
enum TimelineChart {
    static let width = 760.0, height = 200.0
    static let left = 64.0, right = 16.0, top = 16.0, bottom = 44.0

    /// The chart's scales: step `i` at `x(i)`, a loss `v` at `y(v)`.
    private struct Plot {
        let steps: Int
        let yMax: Double
        var plotW: Double { width - left - right }
        var plotH: Double { height - top - bottom }
        var bottomY: Double { top + plotH }
        var dx: Double { plotW / Double(max(1, steps - 1)) }
        func x(_ i: Int) -> Double { left + Double(i) * dx }
        func y(_ v: Int) -> Double { top + plotH - plotH * Double(max(0, v)) / yMax }
    }

    static func svg(_ view: TraceView, world: World) -> String {
        let rows = view.rows
        guard rows.count >= 2 else { return "" }
        let (losses, budget) = lossSeries(rows, world: world)
        let known = losses.compactMap { $0 }
        let plot = Plot(steps: rows.count, yMax: Double(max(1, (known + [budget ?? 0]).max() ?? 1)))
        let containedAt = rows.firstIndex { $0.step.state.contained }
        var s =
            "<svg class=\"timeline-chart\" role=\"img\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\">"
        var title = "Trace of \(rows.count - 1) transition(s)"
        title += containedAt.map { "; contained at step \($0), \(rows[$0].time)" } ?? "; never contained"
        if let last = known.last { title += "; value lost: \(last)" }
        s += "<title>\(HTMLReport.escape(title))</title>"
        s += uncontainedBand(plot, until: containedAt)
        s += axes(plot, rows)
        if let budget { s += budgetLine(plot, budget) }
        if !known.isEmpty { s += lossLine(plot, losses) }
        s += markers(plot, rows, losses)
        s += "</svg>\n"
        return s
    }

    /// The value lost since the trigger at each step, when the procedure measures it (nil where it
    /// cannot be evaluated), and the budget to draw against it.
    private static func lossSeries(_ rows: [TraceView.Row], world: World) -> (losses: [Int?], budget: Int?) {
        guard let br = world.procedure.blastRadius else { return ([], nil) }
        let ev = Evaluator(world: world)
        let base = try? ev.int(br.loss, rows[0].step.state)
        let losses: [Int?] = rows.map { row in
            guard let b = base, let v = try? ev.int(br.loss, row.step.state) else { return nil }
            let (d, overflow) = v.subtractingReportingOverflow(b)
            return overflow ? nil : d
        }
        // A per-window budget is not a line over the loss since the trigger.
        return (losses, br.per == nil ? br.max : nil)
    }

    /// The shaded band from the trigger to the step that contains (or the end).
    private static func uncontainedBand(_ p: Plot, until containedAt: Int?) -> String {
        let bandEnd = containedAt.map { p.x($0) } ?? (left + p.plotW)
        guard bandEnd > left else { return "" }
        return
            "<rect class=\"uncontained\" x=\"\(fmt(left))\" y=\"\(fmt(top))\" width=\"\(fmt(bandEnd - left))\" height=\"\(fmt(p.plotH))\" fill=\"#cf222e\" fill-opacity=\"0.08\"/>"
            + "<text x=\"\(fmt(left + 4))\" y=\"\(fmt(top + 12))\" font-size=\"11\" fill=\"#cf222e\">uncontained</text>"
    }

    /// The axes, with step numbers and times under the horizontal one.
    private static func axes(_ p: Plot, _ rows: [TraceView.Row]) -> String {
        var s =
            "<line x1=\"\(fmt(left))\" y1=\"\(fmt(p.bottomY))\" x2=\"\(fmt(left + p.plotW))\" y2=\"\(fmt(p.bottomY))\" stroke=\"#57606a\"/>"
        s +=
            "<line x1=\"\(fmt(left))\" y1=\"\(fmt(top))\" x2=\"\(fmt(left))\" y2=\"\(fmt(p.bottomY))\" stroke=\"#57606a\"/>"
        let labelEvery = max(1, rows.count / 10)
        for i in rows.indices where i % labelEvery == 0 || i == rows.count - 1 {
            s +=
                "<text x=\"\(fmt(p.x(i)))\" y=\"\(fmt(p.bottomY + 14))\" font-size=\"10\" text-anchor=\"middle\" fill=\"#57606a\">#\(i)</text>"
            s +=
                "<text x=\"\(fmt(p.x(i)))\" y=\"\(fmt(p.bottomY + 27))\" font-size=\"10\" text-anchor=\"middle\" fill=\"#57606a\">\(HTMLReport.escape(rows[i].time))</text>"
        }
        s +=
            "<text x=\"\(fmt(left + p.plotW / 2))\" y=\"\(fmt(height - 4))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#57606a\">trace step and time since the trigger</text>"
        return s
    }

    /// The budget as a dashed horizontal line.
    private static func budgetLine(_ p: Plot, _ budget: Int) -> String {
        "<line class=\"budget\" x1=\"\(fmt(left))\" y1=\"\(fmt(p.y(budget)))\" x2=\"\(fmt(left + p.plotW))\" y2=\"\(fmt(p.y(budget)))\" stroke=\"#9a6700\" stroke-dasharray=\"4 3\"/>"
            + "<text x=\"\(fmt(left + p.plotW - 4))\" y=\"\(fmt(max(top + 10, p.y(budget) - 4)))\" font-size=\"10\" text-anchor=\"end\" fill=\"#9a6700\">budget \(budget)</text>"
    }

    /// The value lost as a step line (broken where it cannot be evaluated), with its axis label.
    private static func lossLine(_ p: Plot, _ losses: [Int?]) -> String {
        var s =
            "<text x=\"\(fmt(left - 4))\" y=\"\(fmt(p.bottomY + 4))\" font-size=\"10\" text-anchor=\"end\" fill=\"#57606a\">0</text>"
        s +=
            "<text transform=\"translate(12 \(fmt(top + p.plotH / 2))) rotate(-90)\" font-size=\"11\" text-anchor=\"middle\" fill=\"#57606a\">value lost</text>"
        var path = ""
        var previous: (Double, Double)?
        for (i, loss) in losses.enumerated() {
            guard let loss else {
                previous = nil
                continue
            }
            let q = (p.x(i), p.y(loss))
            if let r = previous {
                path += " L\(fmt(q.0)) \(fmt(r.1)) L\(fmt(q.0)) \(fmt(q.1))"
            } else {
                path += " M\(fmt(q.0)) \(fmt(q.1))"
            }
            previous = q
        }
        s += "<path class=\"loss\" d=\"\(path.dropFirst())\" fill=\"none\" stroke=\"#cf222e\" stroke-width=\"2\"/>"
        return s
    }

    /// One marker per step, with what happened as its tooltip.
    private static func markers(_ p: Plot, _ rows: [TraceView.Row], _ losses: [Int?]) -> String {
        var s = ""
        for row in rows {
            let i = row.index
            let cy = losses.indices.contains(i) ? (losses[i].map(p.y) ?? p.bottomY) : p.bottomY
            let fill = row.actor == .attacker ? "#cf222e" : "#0969da"
            s +=
                "<circle class=\"step\" cx=\"\(fmt(p.x(i)))\" cy=\"\(fmt(cy))\" r=\"4\" fill=\"\(fill)\"><title>\(HTMLReport.escape("#\(i) \(row.time) \(row.actor): \(row.label)"))</title></circle>"
        }
        return s
    }

    private static func fmt(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}

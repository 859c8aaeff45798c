import RecovIR
import RecovCheck

/// An inline SVG chart of a counterexample for the HTML report: one column per trace step
/// (labelled with the time since the trigger), a shaded band while the protocol is not yet
/// contained, and — when the procedure declares a `BlastRadius` — the value lost so far as a
/// step line against the budget. A reviewer sees at a glance when containment came (or never
/// did) and where the loss grew.
enum TimelineChart {
    static let width = 760.0, height = 200.0
    static let left = 64.0, right = 16.0, top = 16.0, bottom = 44.0

    static func svg(_ view: TraceView, world: World) -> String {
        let rows = view.rows
        let steps = rows.map(\.step)
        guard steps.count >= 2 else { return "" }
        let plotW = width - left - right, plotH = height - top - bottom
        let dx = plotW / Double(max(1, steps.count - 1))
        func x(_ i: Int) -> Double { left + Double(i) * dx }

        // Value lost so far, when the procedure measures it; nil where it cannot be evaluated.
        var losses: [Int?] = []
        var budget: Int?
        if let br = world.procedure.blastRadius {
            let ev = Evaluator(world: world)
            let base = try? ev.int(br.loss, steps[0].state)
            losses = steps.map { st in
                guard let b = base, let v = try? ev.int(br.loss, st.state) else { return nil }
                let (d, overflow) = v.subtractingReportingOverflow(b)
                return overflow ? nil : d
            }
            // A per-window budget is not a line over the loss since the trigger.
            budget = br.per == nil ? br.max : nil
        }
        let known = losses.compactMap { $0 }
        let yMax = Double(max(1, (known + [budget ?? 0]).max() ?? 1))
        func y(_ v: Int) -> Double { top + plotH - plotH * Double(max(0, v)) / yMax }

        var s = "<svg class=\"timeline-chart\" role=\"img\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\">"
        var title = "Trace of \(steps.count - 1) transition(s)"
        let containedAt = steps.firstIndex { $0.state.contained }
        title += containedAt.map { "; contained at step \($0), \(rows[$0].time)" } ?? "; never contained"
        if let last = known.last { title += "; value lost: \(last)" }
        s += "<title>\(HTMLReport.escape(title))</title>"
        // Uncontained band, from the trigger to the step that contains (or the end).
        let bandEnd = containedAt.map { x($0) } ?? (left + plotW)
        if bandEnd > left {
            s += "<rect class=\"uncontained\" x=\"\(fmt(left))\" y=\"\(fmt(top))\" width=\"\(fmt(bandEnd - left))\" height=\"\(fmt(plotH))\" fill=\"#cf222e\" fill-opacity=\"0.08\"/>"
            s += "<text x=\"\(fmt(left + 4))\" y=\"\(fmt(top + 12))\" font-size=\"11\" fill=\"#cf222e\">uncontained</text>"
        }
        // Axes.
        s += "<line x1=\"\(fmt(left))\" y1=\"\(fmt(top + plotH))\" x2=\"\(fmt(left + plotW))\" y2=\"\(fmt(top + plotH))\" stroke=\"#57606a\"/>"
        s += "<line x1=\"\(fmt(left))\" y1=\"\(fmt(top))\" x2=\"\(fmt(left))\" y2=\"\(fmt(top + plotH))\" stroke=\"#57606a\"/>"
        let labelEvery = max(1, steps.count / 10)
        for i in steps.indices where i % labelEvery == 0 || i == steps.count - 1 {
            s += "<text x=\"\(fmt(x(i)))\" y=\"\(fmt(top + plotH + 14))\" font-size=\"10\" text-anchor=\"middle\" fill=\"#57606a\">#\(i)</text>"
            s += "<text x=\"\(fmt(x(i)))\" y=\"\(fmt(top + plotH + 27))\" font-size=\"10\" text-anchor=\"middle\" fill=\"#57606a\">\(HTMLReport.escape(rows[i].time))</text>"
        }
        s += "<text x=\"\(fmt(left + plotW / 2))\" y=\"\(fmt(height - 4))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#57606a\">trace step and time since the trigger</text>"
        if let budget {
            s += "<line class=\"budget\" x1=\"\(fmt(left))\" y1=\"\(fmt(y(budget)))\" x2=\"\(fmt(left + plotW))\" y2=\"\(fmt(y(budget)))\" stroke=\"#9a6700\" stroke-dasharray=\"4 3\"/>"
            s += "<text x=\"\(fmt(left + plotW - 4))\" y=\"\(fmt(max(top + 10, y(budget) - 4)))\" font-size=\"10\" text-anchor=\"end\" fill=\"#9a6700\">budget \(budget)</text>"
        }
        if !known.isEmpty {
            s += "<text x=\"\(fmt(left - 4))\" y=\"\(fmt(top + plotH + 4))\" font-size=\"10\" text-anchor=\"end\" fill=\"#57606a\">0</text>"
            s += "<text transform=\"translate(12 \(fmt(top + plotH / 2))) rotate(-90)\" font-size=\"11\" text-anchor=\"middle\" fill=\"#57606a\">value lost</text>"
            var path = ""
            var previous: (Double, Double)?
            for (i, loss) in losses.enumerated() {
                guard let loss else { previous = nil; continue }
                let p = (x(i), y(loss))
                if let q = previous { path += " L\(fmt(p.0)) \(fmt(q.1)) L\(fmt(p.0)) \(fmt(p.1))" } else { path += " M\(fmt(p.0)) \(fmt(p.1))" }
                previous = p
            }
            s += "<path class=\"loss\" d=\"\(path.dropFirst())\" fill=\"none\" stroke=\"#cf222e\" stroke-width=\"2\"/>"
        }
        // One marker per step, with what happened as its tooltip.
        for row in rows {
            let i = row.index
            let cy = losses.indices.contains(i) ? (losses[i].map(y) ?? top + plotH) : top + plotH
            let fill = row.actor == .attacker ? "#cf222e" : "#0969da"
            s += "<circle class=\"step\" cx=\"\(fmt(x(i)))\" cy=\"\(fmt(cy))\" r=\"4\" fill=\"\(fill)\"><title>\(HTMLReport.escape("#\(i) \(row.time) \(row.actor): \(row.transition ?? "initial state")"))</title></circle>"
        }
        s += "</svg>\n"
        return s
    }

    private static func fmt(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}

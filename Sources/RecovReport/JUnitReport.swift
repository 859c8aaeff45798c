import Foundation
import RecovCheck
import RecovIR

/// JUnit XML output (`--format junit`, `--junit FILE`): one test suite per procedure, one test case
/// per procedure × property. `violated` is a `<failure>`, `error` and `unknown` are `<error>`s
/// (an `unknown` allowed by `--allow-unknown` is `<skipped>` instead, and says so),
/// `not-applicable` is `<skipped>`. Failures carry the counterexample as text. The `tests`,
/// `failures`, `errors` and `skipped` attributes count exactly the test cases below them.
public enum JUnitReport {
    public static func render(_ report: RunReport, redacted: Bool = false) -> String {
        var suites = ""
        var total = Counts()
        for group in report.groups {
            let p = group.name
            var counts = Counts()
            var cases = ""
            for e in group.entries {
                let r = e.result
                let kind = outcome(r, allowUnknown: report.allowUnknown)
                counts.add(kind, seconds: r.seconds)
                let loc = r.location.line >= 1 ? r.location : (group.procedure?.loc ?? r.location)
                cases +=
                    "    <testcase name=\"\(esc(r.rule.rawValue))\" classname=\"recovcheck.\(esc(p))\" file=\"\(esc(SourcePath.relativeToProjectRoot(loc.file)))\" line=\"\(max(0, loc.line))\" time=\"\(seconds(r.seconds))\""
                let body = detail(e)
                switch kind {
                case .passed:
                    cases += ">\n      <system-out>\(esc(body, attribute: false))</system-out>\n    </testcase>\n"
                case .failure:
                    cases +=
                        ">\n      <failure type=\"violated\" message=\"\(esc(r.message))\">\(esc(body, attribute: false))</failure>\n    </testcase>\n"
                case .error:
                    cases +=
                        ">\n      <error type=\"\(r.verdict.rawValue)\" message=\"\(esc(r.message))\">\(esc(body, attribute: false))</error>\n    </testcase>\n"
                case .skipped:
                    let why =
                        r.verdict == .unknown
                        ? "unknown, allowed by --allow-unknown: \(r.message)" : "not applicable: \(r.message)"
                    cases += ">\n      <skipped message=\"\(esc(why))\"/>\n    </testcase>\n"
                }
            }
            total.merge(counts)
            suites +=
                "  <testsuite name=\"\(esc(p))\" tests=\"\(counts.tests)\" failures=\"\(counts.failures)\" errors=\"\(counts.errors)\" skipped=\"\(counts.skipped)\" time=\"\(seconds(counts.time))\">\n"
            suites += "    <properties>\n"
            suites += "      <property name=\"allowUnknown\" value=\"\(report.allowUnknown)\"/>\n"
            suites += "      <property name=\"depth\" value=\"\(report.options.depth)\"/>\n"
            suites += "      <property name=\"redacted\" value=\"\(redacted)\"/>\n"
            suites += "    </properties>\n"
            suites += cases
            suites += "  </testsuite>\n"
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<testsuites name=\"recovcheck\" tests=\"\(total.tests)\" failures=\"\(total.failures)\" errors=\"\(total.errors)\" skipped=\"\(total.skipped)\" time=\"\(seconds(total.time))\">\n"
        out += suites
        out += "</testsuites>\n"
        return out
    }

    enum Outcome { case passed, failure, error, skipped }

    static func outcome(_ r: CheckResult, allowUnknown: Bool) -> Outcome {
        switch r.verdict {
        case .proved, .holds: return .passed
        case .violated: return .failure
        case .error: return .error
        case .unknown: return allowUnknown ? .skipped : .error
        case .notApplicable: return .skipped
        }
    }

    struct Counts {
        var tests = 0, failures = 0, errors = 0, skipped = 0
        var time = 0.0
        mutating func add(_ o: Outcome, seconds: Double) {
            tests += 1
            time += seconds
            switch o {
            case .passed: break
            case .failure: failures += 1
            case .error: errors += 1
            case .skipped: skipped += 1
            }
        }
        mutating func merge(_ c: Counts) {
            tests += c.tests
            failures += c.failures
            errors += c.errors
            skipped += c.skipped
            time += c.time
        }
    }

    static func detail(_ e: RunReport.Entry) -> String {
        let r = e.result
        var s = "\(r.procedure) \(r.rule.rawValue): \(r.verdict.rawValue): \(r.message)\n"
        s += "at \(SourcePath.relative(r.location.file)):\(r.location.line):\(r.location.column)\n"
        if r.cached { s += "(result from the cache)\n" }
        if let cex = r.counterexample { s += TraceLines.text(cex, world: e.world) }
        return s
    }

    static func seconds(_ s: Double) -> String { String(format: "%.3f", s) }

    /// Escapes text for XML attributes and content; drops characters XML 1.0 cannot carry.
    static func esc(_ s: String, attribute: Bool = true) -> String {
        MarkupEscape.escape(s, apostrophe: "&apos;") { u in
            switch u {
            case "\n": return attribute ? "&#10;" : "\n"
            case "\t": return attribute ? "&#9;" : "\t"
            default:
                let v = u.value
                return v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
                    ? String(u) : nil
            }
        }
    }
}

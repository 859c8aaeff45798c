/// Human-readable durations: "2d 3h", "45m", "12s".
public enum HumanDuration {
    /// `seconds` as days, hours, minutes and seconds, largest first, zero parts left out.
    public static func text(_ seconds: Int) -> String {
        if seconds == 0 { return "0s" }
        let sign = seconds < 0 ? "-" : ""
        var s = seconds.magnitude
        let d = s / 86_400
        s %= 86_400
        let h = s / 3_600
        s %= 3_600
        let m = s / 60
        s %= 60
        var parts: [String] = []
        if d > 0 { parts.append("\(d)d") }
        if h > 0 { parts.append("\(h)h") }
        if m > 0 { parts.append("\(m)m") }
        if s > 0 { parts.append("\(s)s") }
        return sign + parts.joined(separator: " ")
    }
}

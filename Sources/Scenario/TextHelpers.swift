import Foundation

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }

    /// Without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }

    /// 1-based line and column (in Unicode scalars, as libyaml counts) of a Character offset.
    func lineAndColumn(ofCharacterOffset offset: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1, count = 0
        for ch in self {
            if count == offset { break }
            if ch == "\n" || ch == "\r\n" { line += 1; column = 1 } else { column += ch.unicodeScalars.count }
            count += 1
        }
        return (line, column)
    }
}

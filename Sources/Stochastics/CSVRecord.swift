/// Splits one CSV line into fields (RFC 4180 subset): comma-separated; a field may be wrapped
/// in double quotes, inside which commas are literal and "" is a quote. Surrounding spaces of
/// unquoted fields are trimmed. Quoted fields spanning lines are not supported: empirical data
/// are numbers. Returns nil for an unterminated quote.
func csvFields(_ line: Substring) -> [String]? {
    var fields: [String] = []
    var field = ""
    var inQuotes = false
    var wasQuoted = false
    var chars = line.makeIterator()
    var pending: Character? = nil
    func next() -> Character? {
        if let c = pending { pending = nil; return c }
        return chars.next()
    }
    while let c = next() {
        if inQuotes {
            if c == "\"" {
                let after = next()
                if after == "\"" { field.append("\"") } else { inQuotes = false; pending = after }
            } else {
                field.append(c)
            }
        } else if c == "\"", field.allSatisfy(\.isWhitespace) {
            field = ""
            inQuotes = true
            wasQuoted = true
        } else if c == "," {
            fields.append(wasQuoted ? field : trimmed(field))
            field = ""
            wasQuoted = false
        } else if !(wasQuoted && c.isWhitespace) {
            field.append(c)
        }
    }
    if inQuotes { return nil }
    fields.append(wasQuoted ? field : trimmed(field))
    return fields
}

private func trimmed(_ s: String) -> String {
    String(s.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
}

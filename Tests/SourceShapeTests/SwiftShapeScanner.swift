import Foundation

/// A small lexical scanner for the size rules of issue 10 ("no file over 400 lines, no
/// function over 60"). It does not parse Swift: it blanks out comments and string literals
/// (keeping the code inside string interpolations), then counts braces and reads the text
/// before each `{` to decide whether the brace opens a function body.
///
/// What counts as a body: `func`, `init`, `deinit`, `subscript`, a computed or observed
/// property (`var name: T {`), and a closure-initialised property (`let name: T = {`).
/// Known blind spot: a default argument holding a closure (`f(x: () -> Void = {}) {`) hides
/// the function after it; the codebase has none.
struct SwiftShapeScanner {
    struct Body: Equatable, CustomStringConvertible {
        let name: String
        let firstLine: Int
        let lastLine: Int
        var lineCount: Int { lastLine - firstLine + 1 }
        var description: String { "\(name) (lines \(firstLine)-\(lastLine), \(lineCount) lines)" }
    }

    /// Every function-like body in `source`, in order of its closing brace.
    static func bodies(in source: String) -> [Body] {
        let code = maskCommentsAndStrings(Array(source.utf8))
        var lineStarts = [0]
        for (i, byte) in code.enumerated() where byte == newline { lineStarts.append(i + 1) }
        func line(at offset: Int) -> Int {
            var low = 0, high = lineStarts.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
            }
            return low + 1
        }

        var open: [(header: Header?, offset: Int)] = []
        var bodies: [Body] = []
        var statementStart = 0
        for (i, byte) in code.enumerated() {
            switch byte {
            case openBrace:
                let header = Header.read(code[statementStart..<i])
                open.append((header, i))
                statementStart = i + 1
            case closeBrace:
                if let (header, _) = open.popLast(), let header {
                    bodies.append(Body(name: header.name, firstLine: line(at: header.keywordOffset), lastLine: line(at: i)))
                }
                statementStart = i + 1
            case semicolon:
                statementStart = i + 1
            default:
                break
            }
        }
        return bodies
    }

    /// The number of lines of a file, as `wc -l` counts them.
    static func lineCount(of source: String) -> Int {
        source.utf8.reduce(0) { $0 + ($1 == newline ? 1 : 0) }
    }

    // MARK: - Headers

    /// The declaration before a `{`, when it declares a body.
    struct Header {
        let name: String
        let keywordOffset: Int

        /// Reads the last statement of `text` (the code between the previous brace or
        /// semicolon and this `{`): its first word after modifiers and attributes decides.
        static func read(_ text: ArraySlice<UInt8>) -> Header? {
            let tokens = tokenize(lastStatement(of: text))
            let significant = tokens.drop { modifiers.contains($0.text) || $0.text.hasPrefix("@") || $0.text == "(" }
            guard let keyword = significant.first else { return nil }
            let rest = significant.dropFirst()
            switch keyword.text {
            case "func":
                return Header(name: rest.first?.text ?? "?", keywordOffset: keyword.offset)
            case "init", "deinit", "subscript":
                return Header(name: keyword.text, keywordOffset: keyword.offset)
            case "var", "let":
                // `var name: T {` is computed or observed; `let/var name: T = {` is closure-initialised.
                guard let name = rest.first?.text else { return nil }
                let assigns = rest.contains { $0.text == "=" }
                let isBody = (!assigns && keyword.text == "var") || rest.last?.text == "="
                return isBody ? Header(name: name, keywordOffset: keyword.offset) : nil
            default:
                return nil
            }
        }

        private static let modifiers: Set<String> = [
            "public", "private", "fileprivate", "internal", "package", "open", "static", "class",
            "final", "override", "mutating", "nonmutating", "lazy", "nonisolated", "weak", "unowned",
            "required", "convenience", "dynamic", "indirect", "optional", "consuming", "borrowing",
        ]
    }

    /// The last statement of `text`: lines are split where a line break is outside brackets
    /// and neither the line before nor the line after continues the expression.
    static func lastStatement(of text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var depth = 0
        var segmentStart = text.startIndex
        var lastNonEmpty = text[text.startIndex..<text.startIndex]
        var i = text.startIndex
        while i <= text.endIndex {
            let atEnd = i == text.endIndex
            let byte = atEnd ? newline : text[i]
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") { depth = max(depth - 1, 0) }
            if byte == newline && (atEnd || (depth == 0 && !continues(text, at: i))) {
                let segment = text[segmentStart..<i]
                if segment.contains(where: { !isSpace($0) }) { lastNonEmpty = segment }
                segmentStart = i + 1
            }
            i += 1
        }
        return lastNonEmpty
    }

    /// Whether the line break at `offset` sits inside one expression (`,` or an operator
    /// ends the line before, or `.`, an operator or a signature word begins the next).
    private static func continues(_ text: ArraySlice<UInt8>, at offset: Int) -> Bool {
        var before = offset - 1
        while before >= text.startIndex, isSpace(text[before]) { before -= 1 }
        if before >= text.startIndex {
            // Not `?`: a line ending in an optional type (`var x: Int?`) is a whole declaration.
            if Array(",(=&|+*:").contains(Character(UnicodeScalar(text[before]))) { return true }
            if text[before] == UInt8(ascii: ">"), before > text.startIndex, text[before - 1] == UInt8(ascii: "-") { return true }
        }
        var after = offset + 1
        while after < text.endIndex, isSpace(text[after]) { after += 1 }
        guard after < text.endIndex else { return false }
        if Array(".&|+-*?:=").contains(Character(UnicodeScalar(text[after]))) { return true }
        let nextWord = tokenize(text[after...]).first?.text
        return ["where", "throws", "rethrows", "async"].contains(nextWord ?? "")
    }

    struct Token {
        let text: String
        let offset: Int
    }

    /// Identifiers (with a leading `@` for attributes) and single punctuation characters;
    /// what is inside parentheses is skipped (one `(` token stands for it) so a parameter
    /// named `init` or `var` does not count.
    static func tokenize(_ text: ArraySlice<UInt8>) -> [Token] {
        var tokens: [Token] = []
        var i = text.startIndex
        var parenDepth = 0
        while i < text.endIndex {
            let byte = text[i]
            if byte == UInt8(ascii: "(") {
                if parenDepth == 0 { tokens.append(Token(text: "(", offset: i)) }
                parenDepth += 1; i += 1; continue
            }
            if byte == UInt8(ascii: ")") { parenDepth = max(parenDepth - 1, 0); i += 1; continue }
            if parenDepth > 0 || isSpace(byte) { i += 1; continue }
            if isIdentifierByte(byte) || byte == UInt8(ascii: "@") {
                let start = i
                i += 1
                while i < text.endIndex, isIdentifierByte(text[i]) { i += 1 }
                tokens.append(Token(text: String(decoding: text[start..<i], as: UTF8.self), offset: start))
            } else {
                tokens.append(Token(text: String(UnicodeScalar(byte)), offset: i))
                i += 1
            }
        }
        return tokens
    }

    // MARK: - Masking

    private enum Mode {
        /// Code; inside an interpolation, the parentheses still open in it.
        case code(interpolationParens: Int?)
        case string(multiline: Bool, hashes: Int)
    }

    /// `source` with every comment and every character inside a string literal replaced by a
    /// space (line breaks kept, so offsets and line numbers stay those of the file; the
    /// code of an interpolation is kept).
    static func maskCommentsAndStrings(_ source: [UInt8]) -> [UInt8] {
        var masker = Masker(source: source)
        while masker.i < source.count {
            switch masker.modes[masker.modes.count - 1] {
            case .code(let parens): masker.stepInCode(interpolationParens: parens)
            case .string(let multiline, let hashes): masker.stepInString(multiline: multiline, hashes: hashes)
            }
        }
        return masker.out
    }

    private struct Masker {
        let source: [UInt8]
        var out: [UInt8]
        var modes: [Mode] = [.code(interpolationParens: nil)]
        var i = 0

        init(source: [UInt8]) {
            self.source = source
            out = source
        }

        /// One step in code: a comment is blanked whole, a string opens, an interpolation's
        /// parentheses are counted until the one that closes it.
        mutating func stepInCode(interpolationParens parens: Int?) {
            if matches("//", at: i) {
                let end = source[i...].firstIndex(of: newline) ?? source.count
                blank(i..<end); i = end
            } else if matches("/*", at: i) {
                let end = SwiftShapeScanner.blockCommentEnd(source, from: i)
                blank(i..<end); i = end
            } else if source[i] == hash || source[i] == quote {
                let n = hashes(at: i)
                guard i + n < source.count, source[i + n] == quote else { i += max(n, 1); return }
                // The delimiters stay (they hold no brace), so a line ending in a string does
                // not look like one ending in `=` or `+`.
                let multiline = matches("\"\"\"", at: i + n)
                i += n + (multiline ? 3 : 1)
                modes.append(.string(multiline: multiline, hashes: n))
            } else if let parens, source[i] == UInt8(ascii: "(") {
                modes[modes.count - 1] = .code(interpolationParens: parens + 1); i += 1
            } else if let parens, source[i] == UInt8(ascii: ")") {
                if parens == 0 { modes.removeLast(); blank(i..<i + 1) } else { modes[modes.count - 1] = .code(interpolationParens: parens - 1) }
                i += 1
            } else {
                i += 1
            }
        }

        /// One step in a string literal: an escape, an interpolation's start, the closing
        /// delimiter (with as many `#` as the opening one), or a character to blank.
        mutating func stepInString(multiline: Bool, hashes n: Int) {
            if source[i] == backslash, hashes(at: i + 1) == n || (n == 0) {
                let after = i + 1 + n
                if after < source.count, source[after] == UInt8(ascii: "(") {
                    blank(i..<after + 1); i = after + 1
                    modes.append(.code(interpolationParens: 0))
                } else {
                    blank(i..<min(after + 1, source.count)); i = after + 1
                }
            } else if (multiline && matches("\"\"\"", at: i) && hashes(at: i + 3) >= n)
                        || (!multiline && source[i] == quote && hashes(at: i + 1) >= n) {
                i = min(i + (multiline ? 3 : 1) + n, source.count)
                modes.removeLast()
            } else {
                blank(i..<i + 1); i += 1
            }
        }

        mutating func blank(_ range: Range<Int>) {
            for j in range where out[j] != newline { out[j] = space }
        }

        func matches(_ literal: String, at offset: Int) -> Bool {
            let bytes = Array(literal.utf8)
            guard offset + bytes.count <= source.count else { return false }
            return source[offset..<offset + bytes.count].elementsEqual(bytes)
        }

        func hashes(at offset: Int) -> Int {
            var n = 0
            while offset + n < source.count, source[offset + n] == hash { n += 1 }
            return n
        }
    }

    /// The offset just past the `*/` closing the (nestable) block comment opened at `start`.
    fileprivate static func blockCommentEnd(_ source: [UInt8], from start: Int) -> Int {
        var depth = 0
        var i = start
        while i + 1 < source.count {
            if source[i] == slash && source[i + 1] == star { depth += 1; i += 2; continue }
            if source[i] == star && source[i + 1] == slash {
                depth -= 1; i += 2
                if depth == 0 { return i }
                continue
            }
            i += 1
        }
        return source.count
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == space || byte == newline || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte >= 0x80
    }
}

private let newline = UInt8(ascii: "\n")
private let space = UInt8(ascii: " ")
private let quote = UInt8(ascii: "\"")
private let hash = UInt8(ascii: "#")
private let backslash = UInt8(ascii: "\\")
private let slash = UInt8(ascii: "/")
private let star = UInt8(ascii: "*")
private let openBrace = UInt8(ascii: "{")
private let closeBrace = UInt8(ascii: "}")
private let semicolon = UInt8(ascii: ";")

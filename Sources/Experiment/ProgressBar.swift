import Foundation


/// A one-line progress bar on standard error, drawn only when standard error is a terminal
/// (a CI log or a pipe gets nothing, so output stays clean and reproducible).
public struct ProgressBar: Sendable {
    public let total: Int
    public let label: String
    public let enabled: Bool
    private var lastDrawn = -1

    public init(total: Int, label: String, enabled: Bool = standardErrorIsTerminal) {
        self.total = max(total, 1)
        self.label = label
        self.enabled = enabled
    }

    public mutating func update(_ done: Int) {
        guard enabled else { return }
        let width = 30
        let filled = min(width, done * width / total)
        guard filled != lastDrawn || done == total else { return }
        lastDrawn = filled
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        writeStandardError("\r\(label) [\(bar)] \(done)/\(total)")
        if done >= total { writeStandardError("\n") }
    }
}

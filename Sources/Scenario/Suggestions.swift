/// "Did you mean ...?" for misspelt keys, units and names.
///
/// Distance is the optimal-string-alignment variant of Damerau-Levenshtein: insertions,
/// deletions, substitutions and transpositions of two adjacent characters each cost 1
/// (`uplnik` -> `uplink` is one edit, not two). Comparison ignores case, so `gib` finds `GiB`,
/// but an exact-case candidate wins a tie.
public enum Suggestions {
    /// Edit distance between two strings, counted in Characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let s = Array(a), t = Array(b)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        // Three rows: two back (for transpositions), one back, current.
        var previous2 = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    d = min(d, previous2[j - 2] + 1)
                }
                current[j] = d
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[t.count]
    }

    /// The largest distance still worth suggesting for a word: one edit for short words, up to
    /// three for long ones (about a third of the word).
    public static func threshold(for word: String) -> Int {
        max(1, min(3, word.count / 3))
    }

    /// The candidate closest to `word`, if it is close enough to be a plausible typo; nil when
    /// `word` is itself a candidate (nothing to suggest) or nothing is near.
    ///
    /// A candidate is close enough when its case-insensitive distance is at most
    /// `threshold(for:)` of the longer of the two, and smaller than the shorter one's length
    /// (so `a` never "suggests" `b`). Ties go to the exact-case distance, then to list order.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let folded = word.lowercased()
        var best: (candidate: String, distance: Int, exactDistance: Int)?
        for candidate in candidates {
            if candidate == word { return nil }
            let d = distance(folded, candidate.lowercased())
            let longer = word.count >= candidate.count ? word : candidate
            let shorter = min(word.count, candidate.count)
            guard d <= threshold(for: longer), d < shorter || (d == 0 && shorter > 0) else { continue }
            let exact = distance(word, candidate)
            if best == nil || d < best!.distance || (d == best!.distance && exact < best!.exactDistance) {
                best = (candidate, d, exact)
            }
        }
        return best?.candidate
    }
}

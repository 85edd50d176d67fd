import Foundation
import MigrationEngine
import Scenario

/// `--dirty` and `--hot-dirty`'s three forms of a guest write rate.
extension FlagValue {

    public static let dirtyRateExpected =
        "a dirty rate: bytes per second (e.g. 200MiB/s), pages per second (e.g. 50000pages/s) "
        + "or a fraction of memory per second (e.g. 2%/s or 0.02/s)"

    /// A guest write rate in one of three forms: `200MiB/s` (any byte or bit rate), `50000pages/s`
    /// (`page/s` too), `2%/s` or `0.02/s` (a fraction of the guest's memory per second). `0` is zero.
    public static func dirtyRate(_ text: String) throws(FlagValueError) -> DirtyRate {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let zero = Double(t), zero == 0 { return .bytesPerSecond(0) }
        for suffix in ["pages/s", "page/s"] where t.hasSuffix(suffix) {
            let number = t.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
            guard let pages = Double(number), pages.isFinite else {
                throw FlagValueError(expected: dirtyRateExpected, found: "\(quote(text)), whose page count is not a number")
            }
            guard pages >= 0 else { throw FlagValueError(expected: dirtyRateExpected, found: "\(quote(text)), which is negative") }
            return .pagesPerSecond(pages)
        }
        let bytesResult = QuantityParser.parse(t, as: .bytesPerSecond, range: .nonNegative)
        if case .success(let b) = bytesResult { return .bytesPerSecond(b) }
        if t.hasSuffix("/s") {
            let body = String(t.dropLast(2)).trimmingCharacters(in: .whitespaces)
            if body.hasSuffix("%") || Double(body) != nil {
                switch QuantityParser.parse(body, as: .fraction, range: .nonNegative) {
                case .success(let f): return .fractionOfMemoryPerSecond(f)
                case .failure(let e): throw FlagValueError(expected: dirtyRateExpected, found: found(e, text: text))
                }
            }
        }
        if case .failure(.unknownUnit(let unit, nil)) = bytesResult,
           case .success = QuantityParser.parse(t + "/s", as: .bytesPerSecond, range: .nonNegative) {
            throw FlagValueError(expected: dirtyRateExpected, found: "\(quote(text)) (unknown unit '\(unit)'; did you mean '\(unit)/s'?)")
        }
        if t.hasSuffix("%") {
            throw FlagValueError(expected: dirtyRateExpected, found: "\(quote(text)) (a fraction without '/s'; did you mean '\(t)/s'?)")
        }
        if case .failure(let e) = bytesResult {
            // A bare number is the commonest slip: say which units would make it a rate.
            if case .missingUnit = e {
                throw FlagValueError(expected: dirtyRateExpected, found: "\(quote(text)) (missing unit)")
            }
            throw FlagValueError(expected: dirtyRateExpected, found: found(e, text: text))
        }
        throw FlagValueError(expected: dirtyRateExpected, found: quote(text))
    }
}


/// Path arithmetic on plain strings. Foundation's `NSString` path methods trap on some
/// one-character paths on Linux (`x`, `.`, `-` crashed `validate` and `run`), so the loader
/// and the command line use these instead. Only `/` separates components (POSIX).
public enum FilePath {
    /// The directory part, `.` when there is none: `a/b.yaml` -> `a`, `b.yaml` -> `.`,
    /// `/b.yaml` -> `/`.
    public static func directory(of path: String) -> String {
        let trimmed = stripTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        let dir = String(trimmed[..<slash])
        return dir.isEmpty ? "/" : dir
    }

    /// The last component: `a/b.yaml` -> `b.yaml`; `.` and `/` are kept as they are.
    public static func lastComponent(of path: String) -> String {
        let trimmed = stripTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        let last = String(trimmed[trimmed.index(after: slash)...])
        return last.isEmpty ? trimmed : last
    }

    /// The last component without its extension: `a/b.yaml` -> `b`; `.hidden` stays.
    public static func stem(of path: String) -> String {
        let last = lastComponent(of: path)
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last }
        return String(last[..<dot])
    }

    /// The extension, lower-cased, without the dot (`""` when there is none).
    public static func pathExtension(of path: String) -> String {
        let last = lastComponent(of: path)
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return "" }
        return String(last[last.index(after: dot)...]).lowercased()
    }

    /// `file` resolved against `directory` (absolute files are kept).
    public static func join(_ directory: String, _ file: String) -> String {
        if file.hasPrefix("/") || directory.isEmpty { return file }
        return directory.hasSuffix("/") ? directory + file : directory + "/" + file
    }

    /// `path` with `.` and `..` components folded, lexically (symbolic links are not followed):
    /// `a/./b/../c` -> `a/c`; leading `..` of a relative path are kept.
    public static func normalized(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            if component == "..", absolute { continue }
            parts.append(component)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// Whether `path` lies inside `directory` (or is it), lexically after normalising both
    /// against `workingDirectory`.
    public static func isInside(_ path: String, directory: String, workingDirectory: String) -> Bool {
        let p = normalized(join(workingDirectory, path))
        let d = normalized(join(workingDirectory, directory))
        if d == "/" { return true }
        return p == d || p.hasPrefix(d + "/")
    }

    private static func stripTrailingSlashes(_ path: String) -> String {
        var s = Substring(path)
        while s.count > 1, s.hasSuffix("/") { s.removeLast() }
        return String(s)
    }
}

import Foundation

/// File errors in words a user can act on: "no such file", "permission denied", never
/// Foundation's `Error Domain=NSCocoaErrorDomain Code=260 ...`.
public enum FileErrorText {
    public static func reason(_ error: Error) -> String {
        let ns = error as NSError
        let code = ns.code
        if ns.domain == NSPOSIXErrorDomain {
            return posix(Int32(code)) ?? "cannot be read"
        }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let text = posix(Int32(underlying.code)) {
            return text
        }
        if ns.domain == NSCocoaErrorDomain {
            switch code {
            case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file"
            case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "permission denied"
            case NSFileReadInapplicableStringEncodingError: return "not UTF-8 text"
            case NSFileReadTooLargeError: return "too large"
            case NSFileWriteOutOfSpaceError: return "no space left on the device"
            case NSFileWriteVolumeReadOnlyError: return "read-only file system"
            case NSFileWriteFileExistsError: return "already exists"
            default: break
            }
        }
        return "cannot be read or written"
    }

    static func posix(_ code: Int32) -> String? {
        switch code {
        case ENOENT: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "is a directory"
        case ENOTDIR: return "a part of the path is not a directory"
        case ENOSPC: return "no space left on the device"
        case EROFS: return "read-only file system"
        case EEXIST: return "already exists"
        default: return nil
        }
    }

    /// At most `limit` characters of a cell or line, so a message never quotes much of a file.
    public static func excerpt(_ text: String, limit: Int = 40) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "..."
    }
}

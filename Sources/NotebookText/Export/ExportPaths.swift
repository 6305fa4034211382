#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths inside the project, always relative to its root and written with `/`: "" is the
/// root itself, `nbs/00_core.ipynb` a notebook, `mylib/core.py` a module.
public enum ExportPaths {
    /// `folder` joined with `path` and normalised (`.` and `..` resolved), or nil when the
    /// result would leave the project (more `..` than folders, or an absolute `path`).
    public static func resolve(_ path: String, in folder: String) -> String? {
        guard !path.hasPrefix("/") else { return nil }
        var parts = folder.split(separator: "/").map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// The folder of a project path ("" for a file at the root).
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `path` as seen from `folder` (both project paths): `../nbs/00_core.ipynb` from `mylib`.
    public static func relative(_ path: String, from folder: String) -> String {
        let target = path.split(separator: "/").map(String.init)
        let base = folder.split(separator: "/").map(String.init)
        var common = 0
        while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        return (ups + target[common...]).joined(separator: "/")
    }

    /// Whether `path` (a project path) stays inside `root` (an absolute folder) once symbolic
    /// links are followed: the deepest part of it that exists must resolve inside the root.
    public static func staysInside(root: String, path: String) -> Bool {
        guard let realRoot = realPath(root) else { return true }
        var candidate = path.isEmpty ? root : root + "/" + path
        while true {
            if let real = realPath(candidate) {
                return real == realRoot || real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
            }
            guard candidate.count > root.count, let slash = candidate.lastIndex(of: "/") else { return true }
            candidate = String(candidate[..<slash])
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// A module name of `#| default_exp` or `#| export NAME` (`core`, `data.loaders`) as a project
    /// path under `library`, or nil when it is not a dotted Python name.
    public static func modulePath(_ name: String, library: String) -> String? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && ExportMagics.identifierPrefix($0).count == $0.count }) else { return nil }
        let file = parts.joined(separator: "/") + ".py"
        return library.isEmpty ? file : library + "/" + file
    }
}

import ArgumentParser
import NotebookDiff

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// nbdime's ignore flags, named as the issue asks.
struct DiffFlags: ParsableArguments {
    @Flag(help: "Ignore outputs.")
    var ignoreOutputs = false
    @Flag(help: "Ignore notebook, cell and output metadata.")
    var ignoreMetadata = false
    @Flag(help: "Ignore cell ids (and pair cells without them).")
    var ignoreIds = false
    @Flag(help: "Ignore cell attachments.")
    var ignoreAttachments = false
    @Flag(help: "Ignore execution counts, the nbformat version and unknown keys.")
    var ignoreDetails = false
    @Flag(help: "Compare only cell sources (and which cells exist).")
    var sourcesOnly = false

    var options: DiffOptions {
        if sourcesOnly { return .sourcesOnly }
        return DiffOptions(
            outputs: !ignoreOutputs, attachments: !ignoreAttachments, metadata: !ignoreMetadata,
            ids: !ignoreIds, details: !ignoreDetails)
    }
}

/// `--color auto|always|never`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// Colour on for this descriptor: always; never; or auto = a terminal, NO_COLOR unset or
    /// empty, and TERM not `dumb`.
    func isOn(forDescriptor fd: Int32) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
            if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
            return isatty(fd) == 1
        }
    }
}

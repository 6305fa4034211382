import NotebookFormat

/// A kernelspec: `<data dir>/kernels/<name>/kernel.json` and the folder it lives in.
public struct KernelSpec: Sendable, Equatable {
    public enum InterruptMode: String, Sendable {
        /// SIGINT to the kernel's process group (the default).
        case signal
        /// `interrupt_request` on the control channel.
        case message
    }

    public var name: String
    /// The folder holding kernel.json (`{resource_dir}` in argv).
    public var resourceDirectory: String
    public var argv: [String]
    public var displayName: String
    public var language: String
    public var interruptMode: InterruptMode
    /// Added to the environment of the kernel process, in file order.
    public var environment: [(String, String)]

    public static func == (lhs: KernelSpec, rhs: KernelSpec) -> Bool {
        lhs.name == rhs.name && lhs.resourceDirectory == rhs.resourceDirectory && lhs.argv == rhs.argv
    }

    /// Reads `kernel.json` from `resourceDirectory`.
    public static func load(name: String, resourceDirectory: String) throws(KernelError) -> KernelSpec {
        let path = resourceDirectory + "/kernel.json"
        let object: JSONObject
        do {
            guard case .object(let o) = try JSONParser.parse(try FileIO.read(path)) else {
                throw KernelError(.badKernelspec, "\(path): not a JSON object")
            }
            object = o
        } catch let error as KernelError {
            throw error
        } catch {
            throw KernelError(.badKernelspec, "\(path): \(error)")
        }
        let argv = (object["argv"]?.arrayValue ?? []).compactMap(\.stringValue)
        guard !argv.isEmpty else { throw KernelError(.badKernelspec, "\(path): argv is missing or empty") }
        var environment: [(String, String)] = []
        for entry in object["env"]?.objectValue ?? JSONObject() {
            if let value = entry.value.stringValue { environment.append((entry.key, value)) }
        }
        return KernelSpec(
            name: name, resourceDirectory: resourceDirectory, argv: argv,
            displayName: object["display_name"]?.stringValue ?? name,
            language: object["language"]?.stringValue ?? "",
            interruptMode: InterruptMode(rawValue: object["interrupt_mode"]?.stringValue ?? "signal") ?? .signal,
            environment: environment)
    }

    /// argv with `{connection_file}`, `{resource_dir}` and `{prefix}` filled in, and a bare
    /// `python`/`python3`/`python3.X` resolved: jupyter_client swaps in its own interpreter, which a
    /// native client does not have, so take `<prefix>/bin/<name>` of the environment the spec was
    /// installed into, else the interpreter on PATH.
    public func command(connectionFile: String, searchPath: String?) -> [String] {
        let prefix = installPrefix
        var command = argv.map {
            $0.replacing("{connection_file}", with: connectionFile)
                .replacing("{resource_dir}", with: resourceDirectory)
                .replacing("{prefix}", with: prefix ?? "")
        }
        let program = command[0]
        let isBarePython = program == "python" || program == "python3" || (program.hasPrefix("python3.") && !program.contains("/"))
        if isBarePython {
            if let prefix, FileIO.exists(prefix + "/bin/" + program) {
                command[0] = prefix + "/bin/" + program
            } else if let found = Self.findOnPath(program, searchPath: searchPath) {
                command[0] = found
            }
        }
        return command
    }

    /// `<prefix>` when the spec lives in `<prefix>/share/jupyter/kernels/<name>`.
    public var installPrefix: String? {
        let marker = "/share/jupyter/kernels/"
        guard let range = resourceDirectory.ranges(of: marker).last else { return nil }
        return String(resourceDirectory[..<range.lowerBound])
    }

    static func findOnPath(_ program: String, searchPath: String?) -> String? {
        for folder in (searchPath ?? "").split(separator: ":") {
            let candidate = folder + "/" + program
            if FileIO.exists(candidate) { return candidate }
        }
        return nil
    }
}

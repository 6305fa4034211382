import JupyterKernel
import NotebookFormat
import NotebookText

/// `-f params.yaml` then `-p name=value`, merged as papermill merges them (a later value keeps
/// the name's first position); every name must be a Python identifier.
enum RunParameters {
    /// A bad -p/-f: a usage error (exit 64).
    struct ParameterError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func collect(pairs: [String], file: String?) throws -> JSONObject {
        var parameters = JSONObject()
        if let file {
            let bytes: [UInt8]
            do {
                bytes = try FileIO.read(file)
            } catch {
                throw ParameterError(error.inFile(file).description)
            }
            let value: JSONValue
            do {
                value = try YAMLReader.value(of: String(decoding: bytes, as: UTF8.self))
            } catch {
                throw ParameterError("\(file): \(error)")
            }
            switch value {
            case .object(let object): for entry in object { parameters[entry.key] = entry.value }
            case .null: break
            default: throw ParameterError("\(file): the parameters file must hold a mapping of names to values")
            }
        }
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "=") else {
                throw ParameterError("-p \(pair): expected name=value")
            }
            parameters[String(pair[..<equals])] = PythonLiteral.resolveType(String(pair[pair.index(after: equals)...]))
        }
        for name in parameters.keys where !PapermillParameters.isValidName(name) {
            throw ParameterError("parameter name '\(name)' is not a valid Python identifier")
        }
        return parameters
    }
}

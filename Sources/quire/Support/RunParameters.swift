import ArgumentParser
import JupyterKernel
import NotebookFormat
import NotebookText

/// `-f params.yaml` then `-p name=value`, merged as papermill merges them (a later value keeps
/// the name's first position); every name must be a Python identifier.
enum RunParameters {
    static func collect(pairs: [String], file: String?) throws -> JSONObject {
        var parameters = JSONObject()
        if let file {
            let bytes: [UInt8]
            do {
                bytes = try FileIO.read(file)
            } catch {
                throw ValidationError(error.inFile(file).description)
            }
            let value: JSONValue
            do {
                value = try YAMLReader.value(of: String(decoding: bytes, as: UTF8.self))
            } catch {
                throw ValidationError("\(file): \(error)")
            }
            switch value {
            case .object(let object): for entry in object { parameters[entry.key] = entry.value }
            case .null: break
            default: throw ValidationError("\(file): the parameters file must hold a mapping of names to values")
            }
        }
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "=") else {
                throw ValidationError("-p \(pair): expected name=value")
            }
            parameters[String(pair[..<equals])] = PythonLiteral.resolveType(String(pair[pair.index(after: equals)...]))
        }
        for name in parameters.keys where !PapermillParameters.isValidName(name) {
            throw ValidationError("parameter name '\(name)' is not a valid Python identifier")
        }
        return parameters
    }
}

import ArgumentParser
import NotebookFormat

extension Quire {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check notebooks against nbformat's JSON schemas.",
            discussion: """
                Gives the verdict of nbformat.validate(nbformat.reads(text, as_version=NO_CONVERT)): \
                each file is checked with the schema of its own version (v3, v4.0 to v4.5; a newer \
                4.x minor is checked with the 4.5 schema, unknown fields allowed). Every error is \
                printed on its own line as file:line:column: JSON-path: message, in jsonschema's \
                wording; valid files print nothing unless --verbose is given.

                In 4.5 notebooks, cells without an id or with a duplicate id are warnings: nbformat \
                gives them random ids when it reads the file, `quire normalize` deterministic ones.

                Exit status: 0 every notebook is valid; 1 a notebook is invalid; 65 a file is not \
                JSON or not a notebook; 66 a file does not exist.

                Examples:
                  quire validate analysis.ipynb
                  quire validate --json notebooks/*.ipynb
                  cat analysis.ipynb | quire validate -
                """
        )

        @Flag(name: .shortAndLong, help: "Also print 'FILE: valid' for every valid notebook.")
        var verbose = false

        @Flag(help: "Print one JSON list: {file, status, valid, errors, warnings} per file.")
        var json = false

        @Argument(help: "Notebook files, or '-' for stdin.")
        var files: [String]

        func run() throws {
            var results: [Result] = []
            for file in files {
                let result = Result.check(file)
                if !json { printText(result) }
                results.append(result)
            }
            if json { Console.output(JSONWriter(indent: 2, sortKeys: false).string(.array(results.map(\.json)))) }
            let failure = results.lazy.compactMap(\.unreadable).first
            if let failure { throw ExitCode(failure.exitCode) }
            if results.contains(where: { $0.report?.isValid == false }) { throw ExitCode(1) }
        }

        private func printText(_ result: Result) {
            if let error = result.unreadable {
                // A file that cannot be opened is a problem of the run; one that is not a
                // notebook is a finding about the file, reported with the others on stdout.
                if error.kind == .missingFile || error.kind == .io {
                    Console.error("quire: " + error.description)
                } else {
                    Console.output(error.description)
                }
                return
            }
            guard let report = result.report else { return }
            for issue in report.errors { Console.output(result.name + ":" + issue.description) }
            for issue in report.warnings {
                Console.output(result.name + ":" + ValidationIssue(
                    path: issue.path, message: "warning: " + issue.message, line: issue.line, column: issue.column
                ).description)
            }
            if verbose && report.isValid { Console.output(result.name + ": valid") }
        }
    }
}

extension Quire.Validate {
/// One file's outcome: a report, or why it could not be validated at all.
struct Result {
    /// The path as given, or `<stdin>`.
    var name: String
    var report: ValidationReport?
    var unreadable: NotebookError?

    static func check(_ file: String) -> Result {
        let name = file == "-" ? "<stdin>" : file
        do throws(NotebookError) {
            let bytes = file == "-" ? try FileIO.readStandardInput() : try FileIO.read(file)
            return Result(name: name, report: try NotebookValidator.validate(bytes))
        } catch {
            return Result(name: name, unreadable: error.inFile(name))
        }
    }

    var status: String {
        if unreadable != nil { return "unreadable" }
        return report?.isValid == true ? "valid" : "invalid"
    }

    var json: JSONValue {
        var object = JSONObject()
        object["file"] = .string(name)
        object["status"] = .string(status)
        object["valid"] = .bool(status == "valid")
        if let error = unreadable {
            let issue = ValidationIssue(
                path: JSONPath(pointer: error.jsonPath ?? ""), message: error.message, line: error.line, column: error.column)
            object["errors"] = .array([Self.json(issue, hasPath: error.jsonPath != nil)])
            object["warnings"] = .array([])
        } else {
            object["errors"] = .array((report?.errors ?? []).map { Self.json($0) })
            object["warnings"] = .array((report?.warnings ?? []).map { Self.json($0) })
        }
        return .object(object)
    }

    private static func json(_ issue: ValidationIssue, hasPath: Bool = true) -> JSONValue {
        var object = JSONObject()
        object["line"] = issue.line.map { .int($0) } ?? .null
        object["column"] = issue.column.map { .int($0) } ?? .null
        object["path"] = hasPath ? .string(issue.path.pointer) : .null
        object["message"] = .string(issue.message)
        return .object(object)
    }
}
}

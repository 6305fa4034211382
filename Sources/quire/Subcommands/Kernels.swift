import ArgumentParser
import JupyterKernel
import NotebookFormat

extension Quire {
    struct Kernels: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the Jupyter kernels quire can start.",
            discussion: """
                Kernelspecs are found where Jupyter looks for them, first match per name: \
                $JUPYTER_PATH, $JUPYTER_DATA_DIR (else ~/.local/share/jupyter), the active \
                environment ($VIRTUAL_ENV or $CONDA_PREFIX)/share/jupyter, /usr/local/share/jupyter, \
                /usr/share/jupyter; each holds kernels/<name>/kernel.json.

                Examples:
                  quire kernels
                  quire kernels --json
                """
        )

        @Flag(help: "Print a JSON list of {name, display_name, language, path, argv, interrupt_mode}.")
        var json = false

        func run() throws {
            let finder = KernelSpecFinder()
            let specs = finder.all()
            if json {
                let list: [JSONValue] = specs.map { spec in
                    var object = JSONObject()
                    object["name"] = .string(spec.name)
                    object["display_name"] = .string(spec.displayName)
                    object["language"] = .string(spec.language)
                    object["path"] = .string(spec.resourceDirectory)
                    object["argv"] = .array(spec.argv.map(JSONValue.string))
                    object["interrupt_mode"] = .string(spec.interruptMode.rawValue)
                    return .object(object)
                }
                Console.output(JSONWriter(indent: 2, sortKeys: false).string(.array(list)))
                return
            }
            guard !specs.isEmpty else {
                Console.error("quire: no kernelspecs found in " + finder.dataDirectories.map { $0 + "/kernels" }.joined(separator: ", "))
                Console.error("install one, e.g.: python -m ipykernel install --user")
                throw ExitCode(1)
            }
            let nameWidth = max(4, specs.map(\.name.count).max() ?? 0)
            let languageWidth = max(8, specs.map(\.language.count).max() ?? 0)
            func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: width - text.count + 2) }
            Console.output(pad("name", nameWidth) + pad("language", languageWidth) + "path")
            for spec in specs {
                Console.output(pad(spec.name, nameWidth) + pad(spec.language, languageWidth) + spec.resourceDirectory)
            }
        }
    }
}

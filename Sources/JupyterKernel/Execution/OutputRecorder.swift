import NotebookFormat

/// Turns iopub messages into nbformat v4 outputs as nbclient's `process_message`, `output` and
/// `clear_output` do: `clear_output(wait=True)` clears just before the next output, and a
/// display id remembers every output it produced, in any cell, so that `update_display_data`
/// (or a later display with the same id) rewrites their data and metadata.
public struct OutputRecorder: Sendable {
    /// The outputs of each executed cell, by cell index.
    public private(set) var outputs: [Int: [JSONObject]] = [:]
    /// display id → cell index → output indices.
    private var displays: [String: [Int: [Int]]] = [:]
    private var clearBeforeNextOutput = false

    public init() {}

    /// Starts a cell: its outputs are emptied, as nbclient does before running it.
    public mutating func begin(cell: Int) {
        outputs[cell] = []
        clearBeforeNextOutput = false
    }

    public mutating func handle(_ message: JupyterMessage, cell: Int) {
        let type = message.msgType
        let content = message.content
        let displayID = content["transient"]?.objectValue?["display_id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        if let displayID, ["execute_result", "display_data", "update_display_data"].contains(type) {
            updateDisplay(displayID, message)
        }
        switch type {
        case "status", "execute_input", "update_display_data":
            return
        case "clear_output":
            if content["wait"]?.isTruthy == true {
                clearBeforeNextOutput = true
            } else {
                outputs[cell] = []
                forgetDisplays(in: cell)
            }
        case _ where type.hasPrefix("comm"):
            return  // widget comms: nbclient keeps widget state, which quire does not record
        default:
            guard let output = Self.output(from: message) else { return }
            if clearBeforeNextOutput {
                outputs[cell] = []
                forgetDisplays(in: cell)
                clearBeforeNextOutput = false
            }
            if let displayID {
                displays[displayID, default: [:]][cell, default: []].append(outputs[cell, default: []].count)
            }
            outputs[cell, default: []].append(output)
        }
    }

    private mutating func forgetDisplays(in cell: Int) {
        for id in displays.keys where displays[id]?[cell] != nil {
            displays[id]?[cell] = []
        }
    }

    private mutating func updateDisplay(_ id: String, _ message: JupyterMessage) {
        guard let targets = displays[id] else { return }
        var message = message
        if message.msgType == "update_display_data" { message.header["msg_type"] = .string("display_data") }
        guard let output = Self.output(from: message) else { return }
        for (cell, indices) in targets {
            for index in indices where index < (outputs[cell]?.count ?? 0) {
                outputs[cell]?[index]["data"] = output["data"]
                outputs[cell]?[index]["metadata"] = output["metadata"]
            }
        }
    }

    /// nbformat's `output_from_msg`: nil for message types that are not outputs.
    public static func output(from message: JupyterMessage) -> JSONObject? {
        let content = message.content
        var output = JSONObject()
        output["output_type"] = .string(message.msgType)
        switch message.msgType {
        case "execute_result":
            output["data"] = content["data"] ?? .object(JSONObject())
            output["metadata"] = content["metadata"] ?? .object(JSONObject())
            output["execution_count"] = content["execution_count"] ?? .null
        case "display_data":
            output["data"] = content["data"] ?? .object(JSONObject())
            output["metadata"] = content["metadata"] ?? .object(JSONObject())
        case "stream":
            output["name"] = content["name"] ?? .string("stdout")
            output["text"] = content["text"] ?? .string("")
        case "error":
            output["ename"] = content["ename"] ?? .string("")
            output["evalue"] = content["evalue"] ?? .string("")
            output["traceback"] = content["traceback"] ?? .array([])
        default:
            return nil
        }
        return output
    }
}

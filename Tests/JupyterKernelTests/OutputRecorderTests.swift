import NotebookFormat
import Testing
@testable import JupyterKernel

/// iopub sequences as ipykernel sends them, mapped as nbclient maps them.
@Suite("Output mapping")
struct OutputRecorderTests {
    static func message(_ type: String, _ content: KeyValuePairs<String, JSONValue>) -> JupyterMessage {
        var header = JSONObject()
        header["msg_type"] = .string(type)
        return JupyterMessage(header: header, content: JSONObject(content))
    }

    static func stream(_ text: String, _ name: String = "stdout") -> JupyterMessage {
        message("stream", ["name": .string(name), "text": .string(text)])
    }

    static func display(_ text: String, id: String? = nil, update: Bool = false) -> JupyterMessage {
        var content: JSONObject = JSONObject(["data": .object(JSONObject(["text/plain": .string(text)])), "metadata": .object(JSONObject())])
        if let id { content["transient"] = .object(JSONObject(["display_id": .string(id)])) }
        return JupyterMessage(header: JSONObject(["msg_type": .string(update ? "update_display_data" : "display_data")]), content: content)
    }

    static func clear(wait: Bool) -> JupyterMessage { message("clear_output", ["wait": .bool(wait)]) }

    static func texts(_ outputs: [JSONObject]?) -> [String] {
        (outputs ?? []).map { $0["text"]?.stringValue ?? $0["data"]?.objectValue?["text/plain"]?.stringValue ?? "?" }
    }

    @Test func streamsStayAsSentAndStatusIsIgnored() {
        var recorder = OutputRecorder()
        recorder.begin(cell: 0)
        for m in [Self.message("status", ["execution_state": .string("busy")]), Self.message("execute_input", ["code": .string("x")]),
                  Self.stream("a\n"), Self.stream("b\n"), Self.stream("e\n", "stderr"), Self.message("iopub_welcome", [:]),
                  Self.message("comm_open", [:])] {
            recorder.handle(m, cell: 0)
        }
        // nbclient keeps one output per stream message (coalesce_streams is off by default).
        #expect(Self.texts(recorder.outputs[0]) == ["a\n", "b\n", "e\n"])
        #expect(recorder.outputs[0]?[2]["name"] == .string("stderr"))
        #expect(recorder.outputs[0]?[0].keys == ["output_type", "name", "text"])
    }

    @Test func clearOutputWaitClearsJustBeforeTheNextOutput() {
        var recorder = OutputRecorder()
        recorder.begin(cell: 0)
        recorder.handle(Self.stream("1\n"), cell: 0)
        recorder.handle(Self.clear(wait: true), cell: 0)
        #expect(Self.texts(recorder.outputs[0]) == ["1\n"])
        recorder.handle(Self.stream("2\n"), cell: 0)
        recorder.handle(Self.clear(wait: true), cell: 0)
        // A pending clear with no output after it never happens.
        #expect(Self.texts(recorder.outputs[0]) == ["2\n"])
        recorder.handle(Self.clear(wait: false), cell: 0)
        #expect(recorder.outputs[0] == [])
    }

    @Test func pendingClearDoesNotLeakIntoTheNextCell() {
        var recorder = OutputRecorder()
        recorder.begin(cell: 0)
        recorder.handle(Self.stream("1\n"), cell: 0)
        recorder.handle(Self.clear(wait: true), cell: 0)
        recorder.begin(cell: 1)
        recorder.handle(Self.stream("2\n"), cell: 1)
        #expect(Self.texts(recorder.outputs[0]) == ["1\n"])
        #expect(Self.texts(recorder.outputs[1]) == ["2\n"])
    }

    @Test func updateDisplayDataRewritesEarlierCellsOnly() {
        var recorder = OutputRecorder()
        recorder.begin(cell: 0)
        recorder.handle(Self.stream("before\n"), cell: 0)
        recorder.handle(Self.display("v1", id: "d1"), cell: 0)
        recorder.begin(cell: 2)
        recorder.handle(Self.display("v2", id: "d1", update: true), cell: 2)
        #expect(Self.texts(recorder.outputs[0]) == ["before\n", "v2"])
        #expect(recorder.outputs[2] == [])
        #expect(recorder.outputs[0]?[1]["transient"] == nil)
        // A new display with the same id updates the old ones and adds its own output.
        recorder.handle(Self.display("v3", id: "d1"), cell: 2)
        #expect(Self.texts(recorder.outputs[0]) == ["before\n", "v3"])
        #expect(Self.texts(recorder.outputs[2]) == ["v3"])
        recorder.handle(Self.display("v4", id: "d1", update: true), cell: 2)
        #expect(Self.texts(recorder.outputs[0]) == ["before\n", "v4"])
        #expect(Self.texts(recorder.outputs[2]) == ["v4"])
    }

    @Test func clearedDisplaysAreNoLongerUpdated() {
        var recorder = OutputRecorder()
        recorder.begin(cell: 0)
        recorder.handle(Self.display("v1", id: "d1"), cell: 0)
        recorder.handle(Self.clear(wait: true), cell: 0)
        recorder.handle(Self.stream("b\n"), cell: 0)
        recorder.begin(cell: 1)
        recorder.handle(Self.display("v2", id: "d1", update: true), cell: 1)
        #expect(Self.texts(recorder.outputs[0]) == ["b\n"])
    }

    @Test func executeResultAndErrorAsNbformatBuildsThem() {
        var recorder = OutputRecorder()
        recorder.begin(cell: 0)
        recorder.handle(Self.message("execute_result", [
            "data": .object(JSONObject(["text/plain": .string("42")])), "metadata": .object(JSONObject()), "execution_count": .int(3),
        ]), cell: 0)
        recorder.handle(Self.message("error", [
            "ename": .string("ZeroDivisionError"), "evalue": .string("division by zero"), "traceback": .array([.string("tb")]),
        ]), cell: 0)
        let outputs = recorder.outputs[0] ?? []
        #expect(outputs.count == 2)
        #expect(outputs[0]["execution_count"] == .int(3))
        #expect(Set(outputs[0].keys) == ["output_type", "data", "metadata", "execution_count"])
        #expect(Set(outputs[1].keys) == ["output_type", "ename", "evalue", "traceback"])
        #expect(OutputRecorder.output(from: Self.message("shutdown_reply", [:])) == nil)
    }
}

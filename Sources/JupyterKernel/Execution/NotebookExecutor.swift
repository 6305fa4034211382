import NotebookFormat

/// Runs a notebook's code cells in order in one kernel, as nbclient does: blank cells and cells
/// tagged `skip-execution` are left alone; outputs, execution counts (1, 2, 3... over executed
/// cells) and `metadata.execution` timings are written into the cells; the first error stops
/// the run unless errors are allowed (`--allow-errors`, or the cell's `raises-exception` tag).
public final class NotebookExecutor {
    public let kernel: Kernel
    public let options: ExecutionOptions
    public var onEvent: (ExecutionEvent) -> Void = { _ in }
    private var recorder = OutputRecorder()
    private var executedCount = 0

    public init(kernel: Kernel, options: ExecutionOptions = ExecutionOptions()) {
        self.kernel = kernel
        self.options = options
    }

    /// Executes the notebook in place. On a failure the outputs so far are kept in `notebook`
    /// and the failure is thrown.
    public func execute(_ notebook: inout Notebook) throws(CellFailure) {
        if case .object(let languageInfo)? = kernel.info["language_info"] {
            notebook.metadata["language_info"] = .object(languageInfo)
        }
        var cells = notebook.cells
        let runnable = cells.indices.filter { shouldRun(cells[$0]) }
        var failure: CellFailure?
        for (position, index) in runnable.enumerated() {
            onEvent(.cellStarted(index: index, number: position + 1, total: runnable.count))
            let started = MonotonicClock.now
            do throws(CellFailure) {
                try run(&cells, index)
                onEvent(.cellFinished(index: index, number: position + 1, total: runnable.count, seconds: MonotonicClock.now - started, status: "ok"))
            } catch {
                onEvent(.cellFinished(index: index, number: position + 1, total: runnable.count, seconds: MonotonicClock.now - started, status: "failed"))
                failure = error
                break
            }
        }
        // update_display_data may have rewritten outputs of earlier cells.
        for (index, outputs) in recorder.outputs where index < cells.count { cells[index].outputs = outputs }
        notebook.updateCells { $0 = cells }
        if let failure { throw failure }
    }

    func shouldRun(_ cell: Cell) -> Bool {
        cell.isCode && !cell.source.allSatisfy(\.isWhitespace) && !cell.tags.contains(options.skipTag)
    }

    private func run(_ cells: inout [Cell], _ index: Int) throws(CellFailure) {
        let source = cells[index].source
        let allowsErrors = options.allowErrors || cells[index].tags.contains("raises-exception")
        var timing = JSONObject()
        if options.recordTiming { cells[index].metadata["execution"] = .object(timing) }
        var content = JSONObject()
        content["code"] = .string(source)
        content["silent"] = .bool(false)
        content["store_history"] = .bool(true)
        content["user_expressions"] = .object(JSONObject())
        content["allow_stdin"] = .bool(false)
        content["stop_on_error"] = .bool(!allowsErrors)
        let request = kernel.channels.factory.message("execute_request", content: content)
        func failure(_ reason: CellFailure.Reason, _ detail: String = "") -> CellFailure {
            var failure = CellFailure(reason: reason, cellIndex: index, cellID: cells[index].id, source: source, detail: detail)
            if reason == .kernelDied { failure.kernelLog = kernel.logTail(1500) }
            return failure
        }
        do {
            try kernel.channels.send(request, on: .shell)
        } catch {
            throw failure(.kernelDied, error.message)
        }
        executedCount += 1
        recorder.begin(cell: index)
        var reply: JupyterMessage?
        var idle = false
        var askedForInput = false
        var timedOut = false
        var deadline = options.timeout.map { MonotonicClock.now + $0 } ?? .infinity
        var idleDeadline = Double.infinity
        defer {
            cells[index].outputs = recorder.outputs[index] ?? []
            if options.recordTiming { cells[index].metadata["execution"] = .object(timing) }
        }
        while reply == nil || !idle {
            let now = MonotonicClock.now
            if reply != nil && now >= idleDeadline { break }  // nbclient warns and goes on
            if reply == nil && now >= deadline {
                if timedOut {
                    kernel.shutdown(grace: 0)
                    throw failure(.timeout(seconds: options.timeout ?? 0), "the kernel did not answer the interrupt and was killed")
                }
                timedOut = true
                kernel.interrupt()
                deadline = now + options.interruptGrace
            }
            let message: (KernelChannels.Channel, JupyterMessage)?
            do {
                message = try kernel.channels.receive(until: min(deadline, idleDeadline, MonotonicClock.now + 1))
            } catch {
                throw failure(.kernelDied, deathDetail())
            }
            guard let (channel, message) = message else {
                if !kernel.process.isRunning() { throw failure(.kernelDied, deathDetail()) }
                continue
            }
            if channel == .stdin && message.msgType == "input_request" {
                // allow_stdin is false, so only a kernel that ignores it gets here; answer so it
                // does not block, and interrupt so the cell fails.
                askedForInput = true
                var answer = JSONObject()
                answer["value"] = .string("")
                try? kernel.channels.send(kernel.channels.factory.message("input_reply", content: answer, parent: message.header), on: .stdin)
                kernel.interrupt()
                continue
            }
            guard message.parentMsgID == request.msgID else { continue }
            if channel == .shell && message.msgType == "execute_reply" {
                reply = message
                idleDeadline = MonotonicClock.now + options.iopubTimeout
                if options.recordTiming { timing["shell.execute_reply"] = .string(Self.timestamp(message)) }
            } else if channel == .iopub {
                record(message, into: &timing)
                if message.msgType == "status" && message.content["execution_state"]?.stringValue == "idle" {
                    idle = true
                } else {
                    recorder.handle(message, cell: index)
                    if message.msgType == "execute_input" || message.msgType == "execute_result",
                       let count = message.content["execution_count"] { cells[index].json["execution_count"] = count }
                }
            }
        }
        if timedOut { throw failure(.timeout(seconds: options.timeout ?? 0), "the kernel was interrupted") }
        cells[index].json["execution_count"] = .int(executedCount)
        if askedForInput { throw failure(.input) }
        guard let reply, reply.content["status"]?.stringValue == "error", !allowsErrors else { return }
        var error = failure(.error)
        error.ename = reply.content["ename"]?.stringValue ?? ""
        error.evalue = reply.content["evalue"]?.stringValue ?? ""
        error.traceback = (reply.content["traceback"]?.arrayValue ?? []).compactMap(\.stringValue)
        throw error
    }

    private func record(_ message: JupyterMessage, into timing: inout JSONObject) {
        guard options.recordTiming else { return }
        switch (message.msgType, message.content["execution_state"]?.stringValue) {
        case ("status", "busy"): timing["iopub.status.busy"] = .string(Self.timestamp(message))
        case ("status", "idle"): timing["iopub.status.idle"] = .string(Self.timestamp(message))
        case ("execute_input", _): timing["iopub.execute_input"] = .string(Self.timestamp(message))
        default: break
        }
    }

    private func deathDetail() -> String {
        // The connections close a moment before the process can be reaped.
        kernel.process.waitForExit(timeout: 1)
        guard let status = kernel.process.exitStatus else { return "its connection closed" }
        return status > 128 ? "killed by signal \(status - 128)" : "exit status \(status)"
    }

    /// The header date as nbclient writes it: `%Y-%m-%dT%H:%M:%S.%fZ` (UTC, microseconds).
    static func timestamp(_ message: JupyterMessage) -> String {
        MessageDate.normalized(message.date ?? "") ?? Timestamp.now()
    }
}

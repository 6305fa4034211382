/// How a notebook is executed; the defaults are nbclient's.
public struct ExecutionOptions: Sendable {
    /// Seconds a cell may run (nil: no limit). On expiry the kernel is interrupted; if it does
    /// not answer within `interruptGrace`, it is killed.
    public var timeout: Double?
    /// Keep going after a cell raises (nbclient's `allow_errors`).
    public var allowErrors = false
    /// Write `metadata.execution` timestamps (nbclient's `record_timing`).
    public var recordTiming = true
    /// nbclient's `iopub_timeout`: how long to wait for the idle status after the reply.
    public var iopubTimeout: Double = 4
    public var interruptGrace: Double = 5
    /// Cells with this tag are not run (nbclient's `skip_cells_with_tag`).
    public var skipTag = "skip-execution"

    public init(timeout: Double? = nil, allowErrors: Bool = false) {
        self.timeout = timeout
        self.allowErrors = allowErrors
    }
}

/// What the executor reports while it runs, for progress lines.
public enum ExecutionEvent: Sendable {
    /// `number` counts code cells to run, from 1 to `total`.
    case cellStarted(index: Int, number: Int, total: Int)
    case cellFinished(index: Int, number: Int, total: Int, seconds: Double, status: String)
}

/// Why a run stopped: the failing cell and what happened in it.
public struct CellFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The cell raised (ename, evalue and traceback are set).
        case error
        /// The cell ran past its timeout.
        case timeout(seconds: Double)
        /// The kernel died or broke its connections during the cell.
        case kernelDied
        /// The cell asked for input.
        case input
    }

    public var reason: Reason
    /// The cell's index among all cells, from 0.
    public var cellIndex: Int
    public var cellID: String?
    public var source: String
    public var ename = ""
    public var evalue = ""
    public var traceback: [String] = []
    public var detail = ""
    /// The end of the kernel's own output, when the kernel died (a crash message, a segfault).
    public var kernelLog = ""

    public var description: String {
        switch reason {
        case .error: return ename + (evalue.isEmpty ? "" : ": " + evalue)
        case .timeout(let seconds): return "the cell did not finish within \(Self.seconds(seconds))" + (detail.isEmpty ? "" : "; " + detail)
        case .kernelDied: return "the kernel died while running the cell" + (detail.isEmpty ? "" : " (" + detail + ")")
        case .input: return "the cell asked for input; notebooks under test must not wait for input"
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import NotebookFormat

/// A running kernel: its process (own process group), its connection file and log in a private
/// temporary folder, and its channels. Always end it with `shutdown()`; the reaper kills it if
/// quire is interrupted first.
public final class Kernel {
    public struct Options: Sendable {
        public var workingDirectory: String?
        /// nbclient's `startup_timeout`.
        public var startupTimeout: Double = 60
        public var environment: [String: String] = KernelSpecFinder.processEnvironment()

        public init(workingDirectory: String? = nil, startupTimeout: Double = 60) {
            self.workingDirectory = workingDirectory
            self.startupTimeout = startupTimeout
        }
    }

    public let spec: KernelSpec
    public let process: KernelProcess
    public let channels: KernelChannels
    public let folder: String
    public let connectionFile: String
    public let logFile: String
    /// `kernel_info_reply` content (`language_info`, `implementation`, `protocol_version`...).
    public private(set) var info = JSONObject()
    private var reaperSlot: Int?
    private var isShutDown = false

    private init(spec: KernelSpec, process: KernelProcess, channels: KernelChannels, folder: String, slot: Int?) {
        self.spec = spec
        self.process = process
        self.channels = channels
        self.folder = folder
        self.connectionFile = folder + "/connection.json"
        self.logFile = folder + "/kernel.log"
        self.reaperSlot = slot
    }

    deinit { shutdown(grace: 0) }

    /// Starts a kernel and waits until it is ready to run code. Retries twice when the kernel
    /// lost the race for one of its ports.
    public static func start(_ spec: KernelSpec, options: Options = Options()) throws(KernelError) -> Kernel {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try launch(spec, options: options)
            } catch let error where attempt < 3 && error.message.contains("Address already in use") {
                continue
            }
        }
    }

    private static func launch(_ spec: KernelSpec, options: Options) throws(KernelError) -> Kernel {
        let temporary = options.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((temporary + "/quire-kernel-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw KernelError(.launchFailed, "cannot create a folder in \(temporary): \(String(cString: strerror(errno)))")
        }
        let folder = String(cString: made)
        let connectionFile = folder + "/connection.json"
        let logFile = folder + "/kernel.log"
        let info = try ConnectionInfo.allocate(kernelName: spec.name)
        do {
            try info.write(to: connectionFile)
        } catch {
            _ = rmdir(folder)
            throw error
        }
        var environment = options.environment
        for (key, value) in spec.environment { environment[key] = value }
        // ipykernel exits when this pid goes away, and prints no console banner.
        environment["JPY_PARENT_PID"] = String(getpid())
        let command = spec.command(connectionFile: connectionFile, searchPath: environment["PATH"])
        let process: KernelProcess
        do {
            process = try KernelProcess.spawn(command, environment: environment, workingDirectory: options.workingDirectory, logPath: logFile)
        } catch {
            removeFiles(folder)
            throw error
        }
        let slot = KernelReaper.shared.register(pgid: process.pid, files: [connectionFile, logFile, folder])
        let deadline = MonotonicClock.now + options.startupTimeout
        do throws(KernelError) {
            let channels = try KernelChannels(info, deadline: deadline, isAlive: { process.isRunning() })
            let kernel = Kernel(spec: spec, process: process, channels: channels, folder: folder, slot: slot)
            do {
                try kernel.waitUntilReady(deadline: deadline)
            } catch {
                let log = kernel.logTail()
                kernel.shutdown(grace: 0)
                throw KernelError(error.kind, error.message + (log.isEmpty ? "" : "\nkernel log:\n" + log))
            }
            return kernel
        } catch {
            process.terminate(grace: 0.5)
            let log = (try? FileIO.read(logFile)).map { String(decoding: $0.suffix(2000), as: UTF8.self) } ?? ""
            removeFiles(folder)
            if let slot { KernelReaper.shared.unregister(slot) }
            if error.message.contains("kernel log:") { throw error }
            throw KernelError(error.kind, error.message + (log.isEmpty ? "" : "\nkernel log:\n" + log))
        }
    }

    /// Readiness as jupyter_client's `wait_for_ready` and JEP 65 define it: iopub is live
    /// (`iopub_welcome`, or any iopub message after a kernel_info_request) and shell answers.
    func waitUntilReady(deadline: Double) throws(KernelError) {
        var iopubLive = false
        let welcomeDeadline = min(deadline, MonotonicClock.now + 2)
        while !iopubLive, let (channel, message) = try channels.receive(until: welcomeDeadline) {
            if channel == .iopub && message.msgType == "iopub_welcome" { iopubLive = true }
        }
        while MonotonicClock.now < deadline {
            guard process.isRunning() else { throw KernelError(.launchFailed, "the kernel exited during start-up") }
            let request = channels.factory.message("kernel_info_request", content: JSONObject())
            try channels.send(request, on: .shell)
            var replied = false
            let retry = min(deadline, MonotonicClock.now + 1)
            while let (channel, message) = try channels.receive(until: retry) {
                if channel == .iopub { iopubLive = true }
                if channel == .shell && message.msgType == "kernel_info_reply" && message.parentMsgID == request.msgID {
                    info = message.content
                    replied = true
                }
                if replied && iopubLive { break }
            }
            if replied && iopubLive {
                drainIopub(for: 0.05)
                return
            }
        }
        throw KernelError(.launchFailed, "the kernel did not answer kernel_info_request in time")
    }

    /// Drops iopub messages still in flight (the busy/idle of the kernel_info requests).
    private func drainIopub(for seconds: Double) {
        let until = MonotonicClock.now + seconds
        while let _ = try? channels.receive(until: until) {}
    }

    /// SIGINT to the process group, or `interrupt_request` on control, by the kernelspec's interrupt_mode.
    public func interrupt() {
        switch spec.interruptMode {
        case .signal:
            process.signalGroup(SIGINT)
        case .message:
            try? channels.send(channels.factory.message("interrupt_request", content: JSONObject()), on: .control)
        }
    }

    /// `shutdown_request` on control, up to `grace` seconds for the kernel to exit, then SIGTERM
    /// and SIGKILL to its group; removes the connection file and the log.
    public func shutdown(grace: Double = 3) {
        guard !isShutDown else { return }
        isShutDown = true
        if grace > 0, process.isRunning() {
            var content = JSONObject()
            content["restart"] = .bool(false)
            try? channels.send(channels.factory.message("shutdown_request", content: content), on: .control)
            process.waitForExit(timeout: grace)
        }
        process.terminate(grace: grace > 0 ? 1 : 0.2)
        channels.close()
        Self.removeFiles(folder)
        if let reaperSlot { KernelReaper.shared.unregister(reaperSlot) }
        reaperSlot = nil
    }

    /// The end of the kernel's own output, for error messages.
    public func logTail(_ bytes: Int = 2000) -> String {
        guard let log = try? FileIO.read(logFile) else { return "" }
        return String(decoding: log.suffix(bytes), as: UTF8.self)
    }

    static func removeFiles(_ folder: String) {
        _ = unlink(folder + "/connection.json")
        _ = unlink(folder + "/kernel.log")
        _ = rmdir(folder)
    }
}

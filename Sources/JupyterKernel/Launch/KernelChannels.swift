#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import NotebookFormat

/// The five ZMTP connections to one kernel. Shell, control and stdin share one Identity: the
/// kernel routes `input_request` to the shell request's routing id, so a stdin socket with
/// another identity never sees it.
public final class KernelChannels {
    public enum Channel: String, Sendable {
        case shell, control, stdin, iopub
    }

    public let shell: ZMTPSocket
    public let control: ZMTPSocket
    public let stdin: ZMTPSocket
    public let iopub: ZMTPSocket
    public let heartbeat: ZMTPSocket
    public let signer: MessageSigner
    public let factory: MessageFactory
    private var queue: [(Channel, JupyterMessage)] = []

    /// Connects every channel, retrying refused connections until `deadline` (the kernel binds
    /// its ports some time after it starts); `isAlive` stops the wait when the kernel dies.
    public init(_ info: ConnectionInfo, deadline: Double, isAlive: () -> Bool) throws(KernelError) {
        signer = MessageSigner(key: info.key)
        factory = MessageFactory()
        let identity = Array(factory.session.utf8)
        func connect(_ type: ZMTPSocket.SocketType, _ port: UInt16, _ identity: [UInt8]?) throws(KernelError) -> ZMTPSocket {
            var lastError = ""
            while MonotonicClock.now < deadline {
                guard isAlive() else { throw KernelError(.launchFailed, "the kernel exited during start-up") }
                do {
                    return try ZMTPSocket.connect(type, port: port, identity: identity, timeout: max(0.1, min(10, deadline - MonotonicClock.now)))
                } catch {
                    lastError = error.message
                    usleep(20_000)
                }
            }
            throw KernelError(.launchFailed, "the kernel did not open port \(port) in time (\(lastError))")
        }
        // iopub first, so its subscription is live as early as possible.
        iopub = try connect(.sub, info.iopubPort, nil)
        shell = try connect(.dealer, info.shellPort, identity)
        control = try connect(.dealer, info.controlPort, identity)
        stdin = try connect(.dealer, info.stdinPort, identity)
        heartbeat = try connect(.req, info.hbPort, nil)
    }

    public func send(_ message: JupyterMessage, on channel: Channel) throws(KernelError) {
        do {
            try socket(channel).send(message.frames(signer: signer))
        } catch {
            throw KernelError(.died, "cannot send \(message.msgType) on \(channel): \(error.message)")
        }
    }

    /// The next message from shell, control, stdin or iopub, waiting until `deadline`; nil on
    /// timeout. A closed connection means the kernel died. Messages with a bad signature are dropped.
    public func receive(until deadline: Double) throws(KernelError) -> (Channel, JupyterMessage)? {
        while true {
            if !queue.isEmpty { return queue.removeFirst() }
            let channels: [Channel] = [.shell, .control, .stdin, .iopub]
            var fds = channels.map { pollfd(fd: socket($0).fd, events: Int16(POLLIN), revents: 0) }
            let remaining = deadline - MonotonicClock.now
            if remaining <= 0 { return nil }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining * 1000, 1_000_000)) + 1)
            if ready < 0 && errno != EINTR { throw KernelError(.died, "poll: \(String(cString: strerror(errno)))") }
            guard ready > 0 else { continue }
            for (index, channel) in channels.enumerated() where fds[index].revents != 0 {
                let socket = socket(channel)
                do {
                    try socket.pump()
                } catch {
                    throw KernelError(.died, "the kernel closed its \(channel) connection")
                }
                while let frames = socket.nextMessage() {
                    if let message = try? JupyterMessage(frames: frames, signer: signer) { queue.append((channel, message)) }
                }
            }
        }
    }

    /// Sends a heartbeat and waits for the echo.
    public func ping(timeout: Double = 1) -> Bool {
        let token = Array(("ping-" + RandomID.uuidHex()).utf8)
        guard (try? heartbeat.send([token])) != nil else { return false }
        guard let reply = try? heartbeat.receive(until: MonotonicClock.now + timeout) else { return false }
        return reply == [token]
    }

    func socket(_ channel: Channel) -> ZMTPSocket {
        switch channel {
        case .shell: return shell
        case .control: return control
        case .stdin: return stdin
        case .iopub: return iopub
        }
    }

    public func close() {
        for socket in [shell, control, stdin, iopub, heartbeat] { socket.close() }
    }
}

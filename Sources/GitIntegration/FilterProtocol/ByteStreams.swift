#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the filter protocol reads bytes from: git's pipe, or a buffer in tests.
public protocol ByteSource {
    /// Reads up to `buffer.count` bytes; returns 0 at the end of the input.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(FilterProtocolError) -> Int
}

/// Where the filter protocol writes bytes to.
public protocol ByteSink {
    mutating func write(_ bytes: [UInt8]) throws(FilterProtocolError)
}

/// Reads a file descriptor (stdin for the filter process).
public struct FileDescriptorSource: ByteSource {
    public var descriptor: Int32

    public init(_ descriptor: Int32) { self.descriptor = descriptor }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(FilterProtocolError) -> Int {
        while true {
            #if canImport(Glibc)
            let n = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            #else
            let n = Darwin.read(descriptor, buffer.baseAddress, buffer.count)
            #endif
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw FilterProtocolError(.closed, "cannot read from git: \(String(cString: strerror(errno)))")
        }
    }
}

/// Writes to a file descriptor (stdout for the filter process), retrying short writes.
public struct FileDescriptorSink: ByteSink {
    public var descriptor: Int32

    public init(_ descriptor: Int32) { self.descriptor = descriptor }

    public mutating func write(_ bytes: [UInt8]) throws(FilterProtocolError) {
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                let n = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                let n = Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
        if let failure {
            throw FilterProtocolError(.closed, "cannot write to git: \(String(cString: strerror(failure)))")
        }
    }
}

/// Bytes held in memory, handed out in chunks of at most `chunkSize` (tests use small chunks to
/// exercise packets that straddle reads).
public struct BufferSource: ByteSource {
    public private(set) var bytes: [UInt8]
    public private(set) var offset = 0
    public var chunkSize: Int

    public init(_ bytes: [UInt8], chunkSize: Int = 1 << 16) {
        self.bytes = bytes
        self.chunkSize = max(1, chunkSize)
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(FilterProtocolError) -> Int {
        let n = min(buffer.count, chunkSize, bytes.count - offset)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: n)
        }
        offset += n
        return n
    }
}

/// Collects everything written, and counts the writes.
public struct BufferSink: ByteSink {
    public private(set) var bytes: [UInt8] = []
    public private(set) var writeCount = 0

    public init() {}

    public mutating func write(_ bytes: [UInt8]) throws(FilterProtocolError) {
        self.bytes.append(contentsOf: bytes)
        writeCount += 1
    }
}

/// How ``TrackingServer`` listens, where it keeps artifacts and who may call it.
public struct TrackingServerConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port; ``TrackingServer/makeApplication(store:configuration:onListening:)`` reports it.
    public var port: Int
    /// The folder behind `mlflow-artifacts:/` URIs.
    public var artifactRoot: String
    /// Nil or empty: no authentication.
    public var accessControl: AccessControl?
    /// One logfmt line per request on stderr.
    public var logsRequests: Bool
    /// The largest JSON request body; larger ones get 413.
    public var maxRequestBodyBytes: Int
    /// The largest artifact upload; larger ones get 413 and leave nothing behind.
    public var maxArtifactBytes: Int64

    public init(
        host: String = "127.0.0.1",
        port: Int = 5000,
        artifactRoot: String,
        accessControl: AccessControl? = nil,
        logsRequests: Bool = true,
        maxRequestBodyBytes: Int = 4 << 20,
        maxArtifactBytes: Int64 = 16 << 30
    ) {
        self.host = host
        self.port = port
        self.artifactRoot = artifactRoot
        self.accessControl = accessControl
        self.logsRequests = logsRequests
        self.maxRequestBodyBytes = maxRequestBodyBytes
        self.maxArtifactBytes = maxArtifactBytes
    }
}

import Hummingbird
import Logging
import NIOCore
import Tracking

/// The MLflow-compatible tracking server: the REST API the `mlflow` client calls, over any
/// ``RunStore``, plus proxied artifacts stored under a folder.
///
/// ```swift
/// let app = TrackingServer.makeApplication(store: store, configuration: .init(artifactRoot: "mlartifacts"))
/// try await app.runService()   // until SIGTERM or SIGINT; in-flight requests finish first
/// ```
public enum TrackingServer {
    /// The router with every endpoint and middleware; tests drive it without a socket.
    public static func makeRouter(store: any RunStore, configuration: TrackingServerConfiguration) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        if configuration.logsRequests { router.add(middleware: RequestLogMiddleware()) }
        router.add(middleware: ErrorMiddleware())
        if let access = configuration.accessControl, !access.isEmpty { router.add(middleware: AuthMiddleware(access: access)) }
        ServiceRoutes.register(on: router)
        APIRoutes(store: store, maxBodyBytes: configuration.maxRequestBodyBytes).register(on: router)
        let artifacts = ArtifactStore(root: configuration.artifactRoot, maxUploadBytes: configuration.maxArtifactBytes)
        ArtifactRoutes(store: artifacts).register(on: router)
        UIRoutes(ui: UIRoutes.makeUI(store: store, artifacts: artifacts)).register(on: router)
        return router
    }

    /// Serves until SIGTERM or SIGINT, then lets in-flight requests finish and returns.
    public static func run(
        store: any RunStore,
        configuration: TrackingServerConfiguration,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        try await makeApplication(store: store, configuration: configuration, onListening: onListening).runService()
    }

    /// The application to run; `onListening` gets the bound port once the socket is open.
    /// - Throws: ``TrackingServerError`` if the artifact folder cannot be created.
    public static func makeApplication(
        store: any RunStore,
        configuration: TrackingServerConfiguration,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws(TrackingServerError) -> some ApplicationProtocol {
        guard FileSystem.createDirectories(configuration.artifactRoot) else {
            throw TrackingServerError(message: "cannot create the artifact folder '\(configuration.artifactRoot)': \(FileSystem.lastErrorMessage)")
        }
        var logger = Logger(label: "quire.serve")
        // Hummingbird's own info lines would repeat the banner; warnings and errors still show.
        logger.logLevel = .warning
        return Application(
            router: makeRouter(store: store, configuration: configuration),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "quire"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }
}

/// The server could not start.
public struct TrackingServerError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

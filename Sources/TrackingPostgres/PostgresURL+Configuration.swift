import PostgresNIO
import Tracking

extension PostgresURL {
    /// The pool's configuration: TLS as `sslmode` says, the given connect timeout and pool size.
    func clientConfiguration(connectTimeout: Duration, maximumConnections: Int) -> PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: clientTLS)
        configuration.options.connectTimeout = connectTimeout
        configuration.options.maximumConnections = maximumConnections
        if let applicationName { configuration.options.additionalStartupParameters = [("application_name", applicationName)] }
        return configuration
    }

    /// The configuration of a single connection (the one migrations run on).
    func connectionConfiguration(connectTimeout: Duration) throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch tlsConfiguration {
        case nil: tls = .disable
        case let settings?:
            let context = try NIOSSLContext(configuration: settings)
            tls = sslMode == .allow || sslMode == .prefer ? .prefer(context) : .require(context)
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .nanoseconds(Int64(connectTimeout.components.seconds) * 1_000_000_000
            + connectTimeout.components.attoseconds / 1_000_000_000)
        if let applicationName { configuration.options.additionalStartupParameters = [("application_name", applicationName)] }
        return configuration
    }

    private var clientTLS: PostgresClient.Configuration.TLS {
        guard let settings = tlsConfiguration else { return .disable }
        return sslMode == .allow || sslMode == .prefer ? .prefer(settings) : .require(settings)
    }

    /// libpq's meaning of each mode: `require` encrypts without checking the certificate,
    /// `verify-ca` checks the chain, `verify-full` the host name too; `allow` is read as `prefer`.
    private var tlsConfiguration: TLSConfiguration? {
        var settings = TLSConfiguration.makeClientConfiguration()
        switch sslMode {
        case .disable: return nil
        case .allow, .prefer, .require: settings.certificateVerification = .none
        case .verifyCA: settings.certificateVerification = .noHostnameVerification
        case .verifyFull: settings.certificateVerification = .fullVerification
        }
        return settings
    }
}

import NotebookFormat

/// What `quire git install` changed, stored as one JSON value under `quire.installed` in the
/// scope it changed, so that `quire git uninstall` undoes exactly that and nothing else.
struct InstallRecord: Equatable {
    struct ConfigChange: Equatable {
        var key: String
        /// The value install wrote.
        var value: String
        /// The values the key had before; nil when it was not set.
        var previous: [String]?
    }

    struct AttributesChange: Equatable {
        /// Absolute path of the attributes file.
        var file: String
        var lines: [String]
        /// The file did not exist before install.
        var createdFile: Bool
        /// The file did not end with a newline and install added one before its lines.
        var addedNewline: Bool
        /// Folders install created to hold the file, innermost last.
        var createdDirectories: [String] = []
    }

    var config: [ConfigChange] = []
    /// Config sections (`filter.quire`, `quire`) that did not exist before install.
    var createdSections: [String] = []
    var attributes: [AttributesChange] = []
    /// The global config file, when install created it.
    var createdConfigFile: String?

    var isEmpty: Bool { config.isEmpty && attributes.isEmpty }

    // MARK: - JSON

    var json: String {
        var root = JSONObject()
        root["version"] = .int(1)
        root["config"] = .array(config.map { change in
            var object = JSONObject()
            object["key"] = .string(change.key)
            object["value"] = .string(change.value)
            if let previous = change.previous { object["previous"] = .array(previous.map(JSONValue.string)) }
            return .object(object)
        })
        root["createdSections"] = .array(createdSections.map(JSONValue.string))
        root["attributes"] = .array(attributes.map { change in
            var object = JSONObject()
            object["file"] = .string(change.file)
            object["lines"] = .array(change.lines.map(JSONValue.string))
            object["createdFile"] = .bool(change.createdFile)
            object["addedNewline"] = .bool(change.addedNewline)
            if !change.createdDirectories.isEmpty {
                object["createdDirectories"] = .array(change.createdDirectories.map(JSONValue.string))
            }
            return .object(object)
        })
        if let createdConfigFile { root["createdConfigFile"] = .string(createdConfigFile) }
        return JSONWriter(indent: nil, sortKeys: false).string(.object(root))
    }

    init() {}

    init(json: String) throws(GitError) {
        let invalid = GitError(
            .commandFailed,
            "the record of what 'quire git install' changed (git config \(GitSetup.recordKey)) is damaged; "
                + "remove it with 'git config --unset \(GitSetup.recordKey)' and undo the filter settings by hand"
        )
        let value: JSONValue
        do throws(JSONParseError) {
            value = try JSONParser.parse(json)
        } catch {
            throw invalid
        }
        guard let root = value.objectValue else { throw invalid }
        for item in root["config"]?.arrayValue ?? [] {
            guard let object = item.objectValue, let key = object["key"]?.stringValue,
                let written = object["value"]?.stringValue
            else { throw invalid }
            let previous = object["previous"]?.arrayValue?.compactMap(\.stringValue)
            config.append(ConfigChange(key: key, value: written, previous: previous))
        }
        createdSections = (root["createdSections"]?.arrayValue ?? []).compactMap(\.stringValue)
        for item in root["attributes"]?.arrayValue ?? [] {
            guard let object = item.objectValue, let file = object["file"]?.stringValue else { throw invalid }
            attributes.append(
                AttributesChange(
                    file: file,
                    lines: (object["lines"]?.arrayValue ?? []).compactMap(\.stringValue),
                    createdFile: object["createdFile"] == .bool(true),
                    addedNewline: object["addedNewline"] == .bool(true),
                    createdDirectories: (object["createdDirectories"]?.arrayValue ?? []).compactMap(\.stringValue)
                ))
        }
        createdConfigFile = root["createdConfigFile"]?.stringValue
    }
}

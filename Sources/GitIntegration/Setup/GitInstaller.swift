import NotebookFormat

/// `quire git install` and `uninstall`: sets git up to run quire as the clean filter and diff
/// textconv, records every change, and undoes exactly those changes.
public struct GitInstaller: Sendable {
    /// What a run did, for the CLI to print.
    public struct Report: Sendable, Equatable {
        public var changes: [String] = []
        public var warnings: [String] = []
    }

    public var git: Git
    public var scope: GitConfigScope

    public init(scope: GitConfigScope, git: Git = Git()) {
        self.scope = scope
        self.git = git
    }

    private var config: GitConfig { GitConfig(git: git, scope: scope) }

    /// The attributes file install writes when none is given: `.git/info/attributes` for a
    /// repository; for `--global`, `core.attributesFile`, else `$XDG_CONFIG_HOME/git/attributes`,
    /// else `~/.config/git/attributes` (where git looks).
    public func defaultAttributesFile() throws(GitError) -> String {
        switch scope {
        case .local:
            return try git.gitPath("info/attributes")
        case .global:
            if let configured = try GitConfig(git: git, scope: .global).path("core.attributesFile") {
                return FilePaths.absolute(configured)
            }
            if let xdg = FilePaths.environment("XDG_CONFIG_HOME") {
                return FilePaths.absolute(xdg + "/git/attributes")
            }
            guard let home = FilePaths.environment("HOME") else {
                throw GitError(.io, "HOME is not set; give the attributes file with --attributes FILE")
            }
            return home + "/.config/git/attributes"
        }
    }

    /// Configures the filter and textconv and adds the attribute lines. Running it again
    /// changes nothing.
    public func install(attributesFile: String? = nil) throws(GitError) -> Report {
        if scope == .local { try git.requireRepository(for: "install") }
        let existingRecord = try loadRecord()
        var record = existingRecord ?? InstallRecord()
        var report = Report()

        // Plan the config changes.
        var pending: [GitSetup.ConfigEntry] = []
        for entry in GitSetup.configEntries {
            let current = try config.values(entry.key)
            if current == [entry.value] { continue }
            pending.append(entry)
            if let index = record.config.firstIndex(where: { $0.key == entry.key }) {
                record.config[index].value = entry.value
            } else {
                record.config.append(.init(key: entry.key, value: entry.value, previous: current.isEmpty ? nil : current))
            }
        }
        for section in GitSetup.sections where !record.createdSections.contains(section) {
            let touched = pending.contains { GitSetup.section(of: $0.key) == section }
            if touched, try !config.hasKeys(inSection: section) { record.createdSections.append(section) }
        }

        // Plan the attribute lines.
        let path = if let attributesFile { FilePaths.absolute(attributesFile) } else { try defaultAttributesFile() }
        var attributes = try AttributesFile(path: path)
        let missing = GitSetup.attributeLines.filter { !attributes.contains($0) }

        if pending.isEmpty && missing.isEmpty {
            report.changes.append("already installed (\(scope.rawValue) git config, attributes in \(path)); nothing changed")
            return report
        }
        let addedNewline = missing.isEmpty ? false : attributes.append(missing)
        if !missing.isEmpty {
            if let index = record.attributes.firstIndex(where: { $0.file == path }) {
                record.attributes[index].lines += missing
                record.attributes[index].addedNewline = record.attributes[index].addedNewline || addedNewline
            } else {
                record.attributes.append(
                    .init(
                        file: path, lines: missing, createdFile: !attributes.existedOnDisk, addedNewline: addedNewline,
                        createdDirectories: FilePaths.missingParentDirectories(of: path)))
            }
        }

        // Record first, then change: an interrupted install can still be undone.
        if existingRecord == nil {
            if try !config.hasKeys(inSection: GitSetup.recordSection) {
                record.createdSections.append(GitSetup.recordSection)
            }
            if scope == .global, let file = Self.globalConfigFile(), !FileIO.exists(file) {
                record.createdConfigFile = file
            }
        }
        try config.set(GitSetup.recordKey, to: [record.json])
        for entry in pending {
            try config.set(entry.key, to: [entry.value])
            report.changes.append("set \(entry.key) = \(entry.value)")
        }
        if !missing.isEmpty {
            try attributes.save()
            for line in missing { report.changes.append("added '\(line)' to \(path)") }
        }
        if ProcessRunner.findOnPath("quire") == nil {
            report.warnings.append(
                "quire is not on PATH, so git cannot run the filter and will refuse to add notebooks; "
                    + "put the folder that holds quire on PATH")
        }
        return report
    }

    /// Undoes what install recorded: keys it added are removed, keys it replaced get their old
    /// values back, its attribute lines are removed. Anything changed since is left alone.
    public func uninstall() throws(GitError) -> Report {
        if scope == .local { try git.requireRepository(for: "uninstall") }
        var report = Report()
        guard let record = try loadRecord() else {
            report.changes.append(
                "nothing to undo: 'quire git install' has not changed the \(scope.rawValue) git config "
                    + "(no \(GitSetup.recordKey) entry)")
            return report
        }
        for change in record.config {
            let current = try config.values(change.key)
            if current == [change.value] {
                if let previous = change.previous {
                    try config.set(change.key, to: previous)
                    report.changes.append("restored \(change.key) = \(previous.joined(separator: ", "))")
                } else {
                    try config.unset(change.key)
                    report.changes.append("removed \(change.key)")
                }
            } else if current != (change.previous ?? []) {
                report.warnings.append(
                    "left \(change.key) = \(current.joined(separator: ", ")) as it is: it changed after 'quire git install'")
            }
        }
        for change in record.attributes {
            try undo(change, into: &report)
        }
        try config.unset(GitSetup.recordKey)
        for section in record.createdSections {
            if try !config.hasKeys(inSection: section) { try config.removeSection(section) }
        }
        if let file = record.createdConfigFile, FileStatus.size(file) == 0 {
            try FileStatus.remove(file)
            report.changes.append("deleted \(file), which install had created")
        }
        return report
    }

    /// The file `git config --global` writes: $GIT_CONFIG_GLOBAL, else ~/.gitconfig unless only
    /// the XDG file exists.
    static func globalConfigFile() -> String? {
        if let explicit = FilePaths.environment("GIT_CONFIG_GLOBAL") { return FilePaths.absolute(explicit) }
        guard let home = FilePaths.environment("HOME") else { return nil }
        let dotfile = home + "/.gitconfig"
        let xdg = (FilePaths.environment("XDG_CONFIG_HOME") ?? home + "/.config") + "/git/config"
        return !FileIO.exists(dotfile) && FileIO.exists(xdg) ? xdg : dotfile
    }

    private func undo(_ change: InstallRecord.AttributesChange, into report: inout Report) throws(GitError) {
        var file = try AttributesFile(path: change.file)
        guard file.existedOnDisk else {
            if !change.lines.isEmpty { report.warnings.append("\(change.file) no longer exists; no lines to remove") }
            return
        }
        var removed = 0
        for line in change.lines where file.removeLast(line) {
            removed += 1
            report.changes.append("removed '\(line)' from \(change.file)")
        }
        guard removed > 0 else { return }
        if change.addedNewline { file.removeFinalNewline() }
        if change.createdFile && file.isEmpty {
            try file.delete()
            report.changes.append("deleted \(change.file), which install had created")
            for folder in change.createdDirectories.reversed() { FileStatus.removeEmptyDirectory(folder) }
        } else {
            try file.save()
        }
    }

    private func loadRecord() throws(GitError) -> InstallRecord? {
        guard let json = try config.values(GitSetup.recordKey).last else { return nil }
        return try InstallRecord(json: json)
    }
}

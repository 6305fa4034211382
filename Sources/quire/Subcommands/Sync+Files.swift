import GitIntegration
import NotebookFormat
import NotebookText

extension PairFinder.Pair {
    /// The notebook's bytes and reading, or nil when it does not exist yet.
    func loadNotebook(_ syncer: PairSync) throws -> (bytes: [UInt8], notebook: Notebook)? {
        if let loaded { return loaded }
        guard FileIO.exists(notebook.absolute) else { return nil }
        let bytes = try FileIO.read(notebook.absolute)
        return (bytes, try syncer.readNotebook(bytes))
    }

    /// The script's text, or nil when it does not exist yet.
    func loadScript() throws -> String? {
        guard FileIO.exists(script.absolute) else { return nil }
        guard let text = String(validating: try FileIO.read(script.absolute), as: UTF8.self) else {
            throw NotebookError(.notANotebook, "the script is not UTF-8 text", file: script.display)
        }
        return text
    }

    /// Without a record of the last sync: the pair as committed (git HEAD), when both files
    /// are there and were in step; nil otherwise.
    func committedBase(_ syncer: PairSync) -> String? {
        guard inGit, let script = committed(script.absolute), let notebook = committed(notebook.absolute),
              let text = String(validating: script, as: UTF8.self),
              let reading = try? syncer.readNotebook(notebook), let rendered = try? syncer.render(reading),
              rendered == text
        else { return nil }
        return text
    }

    private func committed(_ path: String) -> [UInt8]? {
        guard path.hasPrefix(root + "/") else { return nil }
        let relative = String(path.dropFirst(root.count + 1))
        guard let output = try? ProcessRunner.run(["git", "-C", root, "show", "HEAD:" + relative]), output.status == 0 else {
            return nil
        }
        return output.standardOutput
    }
}

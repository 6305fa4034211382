import NotebookFormat

/// Repairs a notebook that a plain `git merge` left as invalid JSON with conflict markers: the
/// versions the markers combine are rebuilt, read, and merged again cell by cell with
/// `NotebookMerge`, so that only what truly conflicts stays marked, inside a valid notebook.
///
/// With git's diff3 style (`|||||||` sections) the base is known. Without it, every difference
/// between the two sides is kept as a conflict and every cell found on one side only is kept
/// with a marker: nothing of either side is lost.
public enum NotebookResolve {
    public struct Outcome: Sendable {
        /// The merged notebook and the conflicts left in it.
        public var result: MergeResult
        /// How many git conflicts the text held.
        public var gitConflicts: Int
        /// True when the text held the base version of every conflict.
        public var hadBase: Bool
    }

    /// Resolves a conflicted notebook text. Throws `MergeError.badInput(.local)` (or `.remote`,
    /// `.base`) when a rebuilt version is not a notebook, with the line in the conflicted text.
    public static func resolve(_ bytes: [UInt8], options: MergeOptions = MergeOptions()) throws(MergeError) -> Outcome {
        let text: ConflictedText
        do throws(NotebookError) {
            text = try ConflictedText.parse(bytes)
        } catch {
            throw MergeError.input(.local, error)
        }
        let pool = StringPool()
        func read(_ side: ConflictedText.Side, _ name: MergeError.Side) throws(MergeError) -> Notebook {
            do throws(NotebookError) {
                return try NotebookReader.read(side.bytes, pool: pool).upgradedToV4()
            } catch {
                var located = error
                if let line = error.line { located.line = side.originalLine(line) ?? line }
                let part = name == .base ? "the base part (between ||||||| and =======)"
                    : name == .local ? "the local part (between <<<<<<< and =======)" : "the remote part (between ======= and >>>>>>>)"
                located.message = "with \(part) of each conflict, the notebook does not read: \(error.message)"
                throw MergeError.input(name, located)
            }
        }
        let local = try read(text.local, .local)
        guard text.conflictCount > 0 else {
            let result = MergeResult(notebook: local, bytes: NotebookWriter.bytes(local), conflicts: [])
            return Outcome(result: result, gitConflicts: 0, hadBase: false)
        }
        let remote = try read(text.remote, .remote)
        // A base part that does not read (both branches added the file, say) counts as none.
        let base = text.base.flatMap { side in try? read(side, .base) }
        let result = try NotebookMerge.merge(base: base, local: local, remote: remote, options: options)
        return Outcome(result: result, gitConflicts: text.conflictCount, hadBase: base != nil)
    }
}

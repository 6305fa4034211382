/// jupytext's `pep8.py`: how many blank lines go between two cells of a `.py` script.
enum PercentWriterPEP8 {
    private static func isBlank(_ line: String) -> Bool {
        LineBytes.with(line) { LineBytes.skip($0, from: 0) == $0.count }
    }

    private static func strippedStartsWithHash(_ line: String) -> Bool {
        LineBytes.with(line) { b in
            let i = LineBytes.skip(b, from: 0)
            return i < b.count && b[i] == UInt8(ascii: "#")
        }
    }

    private static func startsDefinition(_ line: String) -> Bool {
        line.utf8.starts(with: "def ".utf8) || line.utf8.starts(with: "async ".utf8) || line.utf8.starts(with: "class ".utf8)
    }

    static func nextInstructionIsFunctionOrClass(_ lines: some Collection<String>) -> Bool {
        var parser = PercentWriterStringParser(language: "python")
        var previousBlank = false
        for (i, line) in lines.enumerated() {
            defer { previousBlank = isBlank(line) }
            if parser.isQuoted {
                parser.read(line)
                continue
            }
            parser.read(line)
            if isBlank(line) {
                if i > 0 && previousBlank { return false }
                continue
            }
            if startsDefinition(line) { return true }
            if line.scalarsStart(with: "#") || line.scalarsStart(with: "@") || line.scalarsStart(with: " ") || line.scalarsStart(with: ")") { continue }
            return false
        }
        return false
    }

    static func cellEndsWithFunctionOrClass(_ lines: [String]) -> Bool {
        // the answer is `startsDefinition` of one of the lines: most cells have none
        guard lines.contains(where: startsDefinition) else { return false }
        var nonQuoted: [String] = []
        var parser = PercentWriterStringParser(language: "python")
        for line in lines {
            if !parser.isQuoted { nonQuoted.append(line) }
            parser.read(line)
        }
        let reversed = Array(nonQuoted.reversed())
        for (i, line) in reversed.enumerated() {
            if isBlank(line) {
                if i > 0 && isBlank(reversed[i - 1]) { return false }
                continue
            }
            if line.scalarsStart(with: "#") || line.scalarsStart(with: " ") || line.scalarsStart(with: ")") { continue }
            return startsDefinition(line)
        }
        return false
    }

    static func cellEndsWithCode(_ lines: [String]) -> Bool {
        guard let last = lines.last else { return false }
        return !isBlank(last) && !last.scalarsStart(with: "#")
    }

    static func cellHasCode(_ lines: some Collection<String>) -> Bool {
        var previousBlank = false
        for (i, line) in lines.enumerated() {
            defer { previousBlank = isBlank(line) }
            if strippedStartsWithHash(line) { continue }
            if isBlank(line) {
                if i > 0 && previousBlank { return false }
                continue
            }
            return true
        }
        return false
    }

    /// `pep8_lines_between_cells(prev, next, ext)`.
    static func linesBetween(_ previous: [String], _ next: some Collection<String>, fileExtension: String) -> Int {
        if next.isEmpty { return 1 }
        if previous.isEmpty { return 0 }
        if fileExtension != ".py" { return 1 }
        if cellEndsWithFunctionOrClass(previous) { return cellHasCode(next) ? 2 : 1 }
        if cellEndsWithCode(previous) && nextInstructionIsFunctionOrClass(next) { return 2 }
        return 1
    }
}

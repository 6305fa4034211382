import Testing

@testable import NotebookText

/// What IPython runs and Python cannot import, found at the start of logical lines only.
@Suite("Export magics")
struct ExportMagicsTests {
    /// "line token kind" of the first finding.
    static func found(_ code: String) -> String? {
        ExportMagics.first(in: code).map { "\($0.line) \($0.token) \($0.kind)" }
    }

    @Test func lineAndCellMagicsAndShellEscapes() {
        #expect(Self.found("x = 1\n%time f(x)") == "2 %time magic")
        #expect(Self.found("%%bash\necho hi") == "1 %%bash magic")
        #expect(Self.found("def f():\n    !pip install numpy\n") == "2 !pip shellEscape")
        #expect(Self.found("!!ls") == "1 !!ls shellEscape")
    }

    @Test func magicsAssignedToANameAsIPythonAllows() {
        #expect(Self.found("files = !ls") == "1 !ls shellEscape")
        #expect(Self.found("t = %timeit -o f()") == "1 %timeit magic")
        #expect(Self.found("x = %time y") == "1 %time magic")
    }

    @Test func helpRequestsAndAutomagicShellWords() {
        #expect(Self.found("np.array?") == "1 np.array? help")
        #expect(Self.found("??len") == "1 ??len help")
        #expect(Self.found("cd ..") == "1 cd shellCommand")
        #expect(Self.found("ls") == "1 ls shellCommand")
        #expect(Self.found("rm -rf out") == "1 rm shellCommand")
    }

    @Test func plainPythonIsNotAMagic() {
        let python = """
            x = 10 % 3
            y = x != 2
            ls = [1, 2]
            cat(ls)
            echo = print
            rm_all = True
            s = "!not a magic %time"
            doc = '''
            %time inside a string
            !ls inside a string
            '''
            # %time in a comment?
            total = (x +
                %d)
            def f(a, b=1):
                return a % b
            """
        #expect(ExportMagics.first(in: python) == nil)
    }

    @Test func theMessageNamesTheMagicAndTheFix() {
        let finding = ExportMagics.first(in: "x = 1\n%time y")!
        #expect(ExportMagics.message(for: finding) == "IPython magic '%time' cannot go into a module; move it to an unexported cell")
    }
}

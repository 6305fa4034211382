import Testing

@testable import NotebookText

/// `__all__` as nbdev's `make_all` builds it and `TextWrapper(width=120, subsequent_indent=' '*11)` wraps it.
@Suite("Export __all__ names")
struct ExportModuleNamesTests {
    @Test func assignmentsFirstThenDefinitionsThenTheAllList() {
        let cells = [
            "import os\nhelper_val = 3\ndef greet(): pass\nclass Foo:\n    inner = 1\n",
            "z = 4\n_hidden = 5\nasync def fetch(): pass\n_all_ = ['_private', 'Foo']\ndef _private(): pass\n",
        ]
        #expect(ModuleNames.names(in: cells) == ["helper_val", "z", "greet", "Foo", "fetch", "_private"])
    }

    @Test func everyKindOfAssignmentTarget() {
        let code = """
            a = b = 1
            c, (d, e) = 1, (2, 3)
            [f, *g] = [1, 2]
            (h) = 1
            n: int = 0
            m: str
            count += 1
            big **= 2
            obj.attr = 1
            table[0] = 1
            k = lambda x=1: x
            p = 1; q = 2
            x == 3
            print(r=1)
            if True: t = 1
            for u in range(3): pass
            """
        #expect(ModuleNames.names(in: [code]) == ["a", "b", "c", "f", "h", "n", "m", "count", "big", "k", "p", "q"])
    }

    @Test func definitionsPatchedOntoAClassAreLeftOut() {
        let code = "@patch\ndef method(self: Foo): pass\n@patch_to(Foo)\ndef other(self): pass\n@property\ndef kept(): pass\n"
        #expect(ModuleNames.names(in: [code]) == ["kept"])
    }

    @Test func onlyTopLevelStatementsCount() {
        let code = "def f():\n    inner = 1\nif x:\n    cond = 2\ns = '''\nfake = 3\n'''\n"
        #expect(ModuleNames.names(in: [code]) == ["s", "f"], "assignments first, then definitions")
    }

    @Test func allStatementIsAPythonListRepr() {
        #expect(ModuleNames.allStatement([]) == "__all__ = []")
        #expect(ModuleNames.allStatement(["greet", "Foo"]) == "__all__ = ['greet', 'Foo']")
    }

    @Test func allStatementWrapsAt120WithElevenSpaces() {
        // "['name_001'," is 12 characters and each further "'name_0NN'," 1 + 11, so exactly ten
        // names make 120, the width (the "__all__ = " prefix is not counted, as in nbdev)
        let names = (1...12).map { "name_" + String(repeating: "0", count: 3 - String($0).count) + String($0) }
        let expected = "__all__ = ['name_001', 'name_002', 'name_003', 'name_004', 'name_005', 'name_006', 'name_007', 'name_008', 'name_009', 'name_010',\n"
            + "           'name_011', 'name_012']"
        #expect(ModuleNames.allStatement(names) == expected)
    }
}

// Generated once with Python's `re` and jupytext 1.19.6's patterns (`magics.py`), the comment C
// escaped with `re.escape`: the lines each pattern matches; it matches no other line of `lines`.
// Never compute these answers with the matchers under test.
extension MagicPatternsTests {
    static let lines: [String] = [
        "", " ", "%time x", "%%time", "%%%x", "%%%%x", "%1", "  %matplotlib inline",
        "# %matplotlib inline", "# # %cd ..", "#%time", "#  %time", "## %time", "#\t%time",
        "\u{a0}%time", "\u{3000}%%bash", "x = 1 % 2", "%time x # escape", "%time x #escape",
        "%time x #  escape", "%time x # noescape", "%time x #noescape", "# %time x # escape",
        "%time x escape", "%time # not escape", "%time x #\u{2003}escape", "%x#escape", "// %time",
        "//%time", "// // %time x // noescape", ";; %time", ";;;%time", "-- %time", "--%%bash",
        "// %time x //escape", ";; %x ;; noescape", "-- %x --escape", "%\u{e9} x # escape",
        "\u{e9} %time", "!ls", "! ls", "?x", "? x", "# !ls", "#!ls", "# # !ls", "#  !ls", " #   ?x",
        "!{x}", "!$HOME", "!~/x", "!/bin/ls", "!\\x", "!.x", "!1", "!", "?", "?? x", "!(x)", "# #!ls",
        "#\t!ls", "#  #!ls", "x !ls", "a = %time f()", "a=!ls", "a = !ls", "a = !!ls", "a = !1",
        "a_1$ = %%x", "_ = %x", "1a = %x", "# a = %x", "#a = !ls", " a = %x", "# # b = !pwd",
        "a = %%%%x", "a == %x", "a.b = %x", "a = % x", "x?", "x??", "# x?", "# # x?", "#x?", "  x? ",
        "x ?", "a b?", "# ?", " ? ", "x?y", "x?\t", "# #  x?", "## x?", "\u{e9}?", "x\u{a0}y?",
        "# x? z", "ls", "ls ", "ls -l", "ls=1", "ls =1", "ls ,", "ls x", "cd ..", "cd", "rmdir x",
        "rm -rf x", "# ls", "#ls", "# # cat x", "echo hi", "lsx", "cat", "catx", "copy a", "ren a b",
        "ldir", "ddir", "mkdir a", "ls  =", "ls\t=", "ls\u{a0}x", "ls \u{e9}", " ls", "cp a b",
        "mv a b", "ls  ", "ls ==", "x = 1 \\", "x \\  ", "\\", "x\\y", "%time f(\\", "# \\", "a\\\t",
        "a \\ b",
    ]

    static let expectations: [(pattern: String, comment: String, matches: Set<String>)] = [
        (
            "helpOrShellEscape", "#",
            [
                "!ls", "! ls", "?x", "? x", "# !ls", "#!ls", "# # !ls", "#  !ls", " #   ?x", "!{x}",
                "!$HOME", "!~/x", "!/bin/ls", "!\\x", "!.x", "# #!ls", "#\t!ls",
            ]
        ),
        (
            "magicAssignment", "#",
            [
                "a = %time f()", "a=!ls", "a = !ls", "a_1$ = %%x", "_ = %x", "# a = %x", "#a = !ls",
                " a = %x", "# # b = !pwd",
            ]
        ),
        (
            "magicHelp", "#",
            [
                "?", "x?", "x??", "# x?", "# # x?", "#x?", "  x? ", "# ?", " ? ", "x?\t", "\u{e9}?",
            ]
        ),
        (
            "shellCommand", "#",
            [
                "ls", "ls ", "ls -l", "ls x", "cd ..", "cd", "rmdir x", "rm -rf x", "# ls", "#ls",
                "# # cat x", "echo hi", "cat", "copy a", "ren a b", "ldir", "ddir", "mkdir a", "ls  =",
                "ls\u{a0}x", "ls \u{e9}", "cp a b", "mv a b", "ls  ",
            ]
        ),
        (
            "continuation", "#",
            [
                "x = 1 \\", "x \\  ", "\\", "%time f(\\", "# \\", "a\\\t",
            ]
        ),
        (
            "lineOrCellMagic", "#",
            [
                "%time x", "%%time", "%%%x", "  %matplotlib inline", "# %matplotlib inline",
                "# # %cd ..", "#%time", "## %time", "\u{a0}%time", "\u{3000}%%bash",
                "%time x # escape", "%time x #escape", "%time x #  escape", "%time x # noescape",
                "%time x #noescape", "# %time x # escape", "%time x escape", "%time # not escape",
                "%time x #\u{2003}escape", "%x#escape", "%time f(\\",
            ]
        ),
        (
            "escape", "#",
            [
                "%time x # escape", "%time x #escape", "%time x #  escape", "# %time x # escape",
                "%time x #\u{2003}escape", "%x#escape",
            ]
        ),
        (
            "noescape", "#",
            [
                "%time x # noescape", "%time x #noescape",
            ]
        ),
        (
            "lineOrCellMagic", "//",
            [
                "%time x", "%%time", "%%%x", "  %matplotlib inline", "\u{a0}%time", "\u{3000}%%bash",
                "%time x # escape", "%time x #escape", "%time x #  escape", "%time x # noescape",
                "%time x #noescape", "%time x escape", "%time # not escape", "%time x #\u{2003}escape",
                "%x#escape", "// %time", "//%time", "// // %time x // noescape", "// %time x //escape",
                "%time f(\\",
            ]
        ),
        (
            "escape", "//",
            [
                "// %time x //escape",
            ]
        ),
        (
            "noescape", "//",
            [
                "// // %time x // noescape",
            ]
        ),
        (
            "lineOrCellMagic", ";;",
            [
                "%time x", "%%time", "%%%x", "  %matplotlib inline", "\u{a0}%time", "\u{3000}%%bash",
                "%time x # escape", "%time x #escape", "%time x #  escape", "%time x # noescape",
                "%time x #noescape", "%time x escape", "%time # not escape", "%time x #\u{2003}escape",
                "%x#escape", ";; %time", ";; %x ;; noescape", "%time f(\\",
            ]
        ),
        ("escape", ";;", []),
        (
            "noescape", ";;",
            [
                ";; %x ;; noescape",
            ]
        ),
        (
            "lineOrCellMagic", "--",
            [
                "%time x", "%%time", "%%%x", "  %matplotlib inline", "\u{a0}%time", "\u{3000}%%bash",
                "%time x # escape", "%time x #escape", "%time x #  escape", "%time x # noescape",
                "%time x #noescape", "%time x escape", "%time # not escape", "%time x #\u{2003}escape",
                "%x#escape", "-- %time", "--%%bash", "-- %x --escape", "%time f(\\",
            ]
        ),
        (
            "escape", "--",
            [
                "-- %x --escape",
            ]
        ),
        ("noescape", "--", []),
    ]
}

@testable import NotebookText
import Testing

/// Which plain scalars PyYAML 6 reads back as something other than a string (its implicit
/// resolvers); the expected verdicts were printed by `yaml.resolver.Resolver().resolve`.
@Suite struct YAMLImplicitResolverTests {
    static let strings = [
        "nope", "nul", "08", "0b", "0b2", "0x", "0xg", "1:60",
        "1:234", "1.5e3", "1.5e", "._", "._1", "-.5", "-.nan", ".",
        "-", "+", "2024-1-2", "2024-01-02T10:20:30 ", "20240-01-02", "3.11.7", "1e5", "python3",
        "0o17", "_1",
    ]
    static let notStrings = [
        "yes", "No", "on", "OFF", "null", "Null", "~", "0",
        "00", "07", "0_7", "0b101", "0x1F", "12", "1_000", "-12",
        "+3", "1:30", "190:20:30", "1.5", "1.", "-1.5e+3", "1.5E-2", ".5",
        ".5e+1", ".inf", "-.inf", "+.Inf", ".nan", ".NaN", "1:20.5", "1:20:30.",
        "2024-01-02", "2024-1-2T10:20:30", "2024-01-02 10:20:30.25 +05:30", "2024-01-02t1:20:30Z",
        "2024-01-02T10:20:30-5", "1.3", "<<", "=", "1\n", "yes\n", "1__",
    ]

    @Test(arguments: strings) func staysAString(_ text: String) {
        #expect(YAMLHeaderScalar.resolvesToString(text), "PyYAML reads '\(text)' as a string")
    }

    @Test(arguments: notStrings) func readsAsAnotherType(_ text: String) {
        #expect(!YAMLHeaderScalar.resolvesToString(text), "PyYAML reads '\(text)' as a bool, number, null or date")
    }
}

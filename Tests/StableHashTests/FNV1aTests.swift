import StableHash
import Testing

@Suite struct FNV1aTests {
    /// Published FNV-1a 64-bit values (the FNV authors' test suite): "" is the offset basis.
    @Test func knownVectors() {
        let vectors: [(String, UInt64)] = [
            ("", 0xcbf2_9ce4_8422_2325), ("a", 0xaf63_dc4c_8601_ec8c), ("foobar", 0x8594_4171_f739_67e8),
        ]
        for (text, expected) in vectors {
            var hash = FNV1a()
            hash.combine(bytes: text.utf8)
            #expect(hash.value == expected, "\(text)")
        }
    }

    @Test func stringsAreSeparated() {
        func hash(_ parts: [String]) -> UInt64 {
            var hash = FNV1a()
            for part in parts { hash.combine(part) }
            return hash.value
        }
        #expect(hash(["ab", "c"]) != hash(["a", "bc"]))
        var bytes = FNV1a()
        bytes.combine(bytes: Array("ab".utf8) + [0xff])
        #expect(hash(["ab"]) == bytes.value)  // a string is its UTF-8 then 0xFF
    }

    @Test func hexIsSixteenDigits() {
        var hash = FNV1a()
        hash.combine(bytes: "a".utf8)
        #expect(hash.hex == "af63dc4c8601ec8c")
        #expect(FNV1a().hex == "cbf29ce484222325")
    }
}

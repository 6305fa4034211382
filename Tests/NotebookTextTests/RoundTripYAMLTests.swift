import Foundation
import NotebookFormat
import NotebookText
import Testing

/// The header YAML reader against PyYAML itself: random documents written by `safe_dump` (as
/// jupytext writes headers) read back by quire as `safe_load` reads them. Runs with the Python
/// of the jupytext checks (PyYAML comes with jupytext); prints SKIPPED otherwise.
@Suite("RoundTrip YAML against PyYAML")
struct RoundTripYAMLTests {
    static let count = 600

    static let generator = """
import yaml, json, random
import sys
random.seed(int(sys.argv[2]))
atoms = ['', ' ', 'a', 'yes', 'No', 'null', '~', '1.3', '10', '0x1f', '1e5', '-', '- x', 'a: b', 'a:b', '#c', 'x #y', "it's", 'say "hi"',
         'Pythön — venv', '\\t tab', 'trail ', ' lead', 'multi\\nline', 'multi\\n\\nblank', 'back\\\\slash', '@scope/name', '%pct', '[x]', '{y}',
         'ß' * 40, 'word ' * 25, 'long' * 40, '\\x85nel', 'é\\u2028sep', '*star', '&amp', '!bang', '|pipe', '>gt', '? q', ': c', ',comma', '0', '-1', '.inf', 'True']
def atom():
    r = random.random()
    if r < 0.6: return random.choice(atoms) + (random.choice(atoms) if random.random() < 0.3 else '')
    if r < 0.7: return random.randint(-1000, 10**12)
    if r < 0.8: return random.choice([True, False, None])
    if r < 0.9: return random.choice([1.5, -0.25, 1e20, 3.0])
    return random.choice([[], {}])
def value(depth):
    r = random.random()
    if depth > 3 or r < 0.5: return atom()
    if r < 0.75: return [value(depth + 1) for _ in range(random.randint(1, 4))]
    return {str(atom()) if random.random() < 0.8 else random.choice(atoms): value(depth + 1) for _ in range(random.randint(1, 5))}
for i in range(600):
    doc = {'jupyter': {random.choice(atoms) + str(j): value(0) for j in range(random.randint(1, 5))}}
    text = yaml.safe_dump(doc, default_flow_style=False)
    back = yaml.safe_load(text)
    open(sys.argv[1] + '/%d.yaml' % i, 'w').write(text)
    open(sys.argv[1] + '/%d.json' % i, 'w').write(json.dumps(back))
"""

    @Test func quireReadsWhatPyYAMLWrites() throws {
        guard let python = RoundTripJupytextTests.python else {
            print("SKIPPED PyYAML check: no Python with jupytext (see RoundTripJupytextTests)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-yaml-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.generator.write(toFile: folder + "/generate.py", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [folder + "/generate.py", folder, "7"]
        try process.run()
        process.waitUntilExit()
        var compared = 0
        var failures: [String] = []
        for i in 0..<Self.count {
            guard let yaml = try? FileIO.read(folder + "/\(i).yaml"), let json = try? FileIO.read(folder + "/\(i).json") else { continue }
            compared += 1
            let expected = try JSONParser.parse(json)
            do {
                let value = try YAMLReader.value(of: String(decoding: yaml, as: UTF8.self))
                if value != expected { failures.append("\(i): read \(value), PyYAML reads \(expected)") }
            } catch {
                failures.append("\(i): \(error)")
            }
        }
        print("RoundTrip YAML: \(compared) PyYAML documents, \(compared - failures.count) read the same")
        for failure in failures.prefix(10) { print("  DIFF " + String(failure.prefix(400))) }
        #expect(compared == Self.count)
        #expect(failures.isEmpty)
    }
}

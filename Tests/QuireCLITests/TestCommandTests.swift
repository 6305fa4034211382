import Foundation
import KernelTestSupport
import NotebookFormat
import Testing

@Suite("quire test", .serialized, .enabled(if: TestKernel.isAvailable, TestKernel.reason))
struct TestCommandTests {
    @Test func folderWithPassingAndFailingNotebooks() throws {
        let folder = try QuireRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for sub in ["nbs/deep", "nbs/.ipynb_checkpoints", "nbs/.hidden"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
        }
        try TestKernel.write([("print('ok')", [])], to: folder + "/nbs/good.ipynb")
        try TestKernel.write([("x = 1", []), ("raise ValueError('bad <value> & \"more\"')", [])], to: folder + "/nbs/deep/bad.ipynb")
        for hidden in ["nbs/.ipynb_checkpoints/good-checkpoint.ipynb", "nbs/.hidden/x.ipynb"] {
            try TestKernel.write([("raise SystemExit(1)", [])], to: folder + "/" + hidden)
        }
        let good = try Data(contentsOf: URL(fileURLWithPath: folder + "/nbs/good.ipynb"))
        let result = try QuireRunner.run(["test", "nbs", "--jobs", "2", "--junit", "report.xml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("nbs/good.ipynb      passed"))
        #expect(result.stdout.contains("nbs/deep/bad.ipynb  failed"))
        #expect(result.stdout.contains("cell 2 (cell-1): ValueError: bad <value> & \"more\""))
        #expect(result.stdout.contains("1 passed, 1 failed, 2 notebooks"))
        #expect(result.stderr.contains("PASS nbs/good.ipynb") && result.stderr.contains("FAIL nbs/deep/bad.ipynb"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/nbs/good.ipynb")) == good)
        let script = """
            import sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            suite = root.find('testsuite')
            print(root.tag, suite.get('tests'), suite.get('failures'), suite.get('errors'))
            for case in suite.iter('testcase'):
                failure = case.find('failure')
                print(case.get('name'), case.get('classname'), 'FAIL ' + failure.get('type') + ' ' + failure.get('message') if failure is not None else 'PASS')
            """
        let (status, parsed) = try TestKernel.python(["-c", script, folder + "/report.xml"])
        #expect(status == 0, "\(parsed)")
        #expect(parsed == """
            testsuites 2 1 0
            nbs/deep/bad.ipynb nbs.deep FAIL ValueError cell 2 (cell-1): ValueError: bad <value> & "more"
            nbs/good.ipynb nbs PASS

            """)
        // An exclude pattern in quire.toml leaves the failing folder out.
        try "[test]\nexclude = [\"nbs/deep/\"]\n".write(toFile: folder + "/quire.toml", atomically: true, encoding: .utf8)
        let excluded = try QuireRunner.run(["test", "nbs"], in: folder)
        #expect(excluded.status == 0 && excluded.stdout.contains("1 passed, 0 failed, 1 notebook in"))
        try FileManager.default.removeItem(atPath: folder + "/quire.toml")
        let passing = try QuireRunner.run(["test", "nbs/good.ipynb"], in: folder)
        #expect(passing.status == 0 && passing.stdout.contains("1 passed, 0 failed"))
        #expect(try QuireRunner.run(["test", "nope"], in: folder).status == 66)
    }

    @Test func unreadableNotebookIsAnErrorInTheReport() throws {
        let folder = try QuireRunner.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "{\"cells\": [".write(toFile: folder + "/broken.ipynb", atomically: true, encoding: .utf8)
        let text = String(decoding: NotebookWriter.bytes(TestKernel.notebook([("1", [])])), as: UTF8.self).replacingOccurrences(of: TestKernel.name, with: "ghost")
        try text.write(toFile: folder + "/ghost.ipynb", atomically: true, encoding: .utf8)
        let result = try QuireRunner.run(["test", ".", "--junit", "report.xml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("broken.ipynb  error"))
        #expect(result.stdout.contains("ghost.ipynb   error") && result.stdout.contains("no kernel named 'ghost'"))
        let script = "import sys, xml.etree.ElementTree as ET; s = ET.parse(sys.argv[1]).getroot().find('testsuite'); print(s.get('tests'), s.get('errors'), len(s.findall('testcase/error')))"
        let (status, parsed) = try TestKernel.python(["-c", script, folder + "/report.xml"])
        #expect(status == 0 && parsed == "2 2 2\n", "\(parsed)")
    }
}

import Foundation
import NotebookFormat
import Testing
@testable import JupyterKernel

@Suite("Kernelspec discovery")
struct KernelSpecFinderTests {
    static func makeSpec(_ folder: String, _ name: String, _ json: String) throws {
        let directory = folder + "/kernels/" + name
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try json.write(toFile: directory + "/kernel.json", atomically: true, encoding: .utf8)
    }

    @Test func searchOrderAndFirstMatchWins() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("quire-specs-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = root + "/first", second = root + "/second", user = root + "/user", venv = root + "/venv"
        try Self.makeSpec(first, "py", #"{"argv": ["python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"], "display_name": "First", "language": "python"}"#)
        try Self.makeSpec(second, "py", #"{"argv": ["other"], "display_name": "Second", "language": "python"}"#)
        try Self.makeSpec(second, "R", #"{"argv": ["R", "{connection_file}", "{resource_dir}"], "language": "R", "interrupt_mode": "message", "env": {"A": "1"}}"#)
        try Self.makeSpec(user, "broken", "not json")
        try Self.makeSpec(venv + "/share/jupyter", "venvkernel", #"{"argv": ["python", "-f", "{connection_file}"], "language": "python"}"#)
        let finder = KernelSpecFinder(environment: ["JUPYTER_PATH": first + ":" + second, "JUPYTER_DATA_DIR": user, "VIRTUAL_ENV": venv, "HOME": root])
        #expect(finder.dataDirectories.prefix(4) == [first, second, user, venv + "/share/jupyter"])
        #expect(finder.dataDirectories.suffix(2) == ["/usr/local/share/jupyter", "/usr/share/jupyter"])
        let names = finder.all().map(\.name)
        #expect(names.contains("py") && names.contains("r") && names.contains("venvkernel") && !names.contains("broken"))
        let py = try finder.find("PY")
        #expect(py.displayName == "First")
        let r = try finder.find("r")
        #expect(r.interruptMode == .message)
        #expect(r.environment.map(\.0) == ["A"])
        #expect(r.command(connectionFile: "/c.json", searchPath: nil) == ["R", "/c.json", second + "/kernels/R"])
        // A bare `python` in a venv's kernelspec runs that venv's interpreter when it exists.
        let venvSpec = try finder.find("venvkernel")
        try FileManager.default.createDirectory(atPath: venv + "/bin", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: venv + "/bin/python", contents: Data())
        #expect(venvSpec.command(connectionFile: "/c.json", searchPath: nil) == [venv + "/bin/python", "-f", "/c.json"])
    }

    @Test func prefixOfPythonOnPathStandsInForSysPrefix() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("quire-specs-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/py/bin", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: root + "/py/bin/python3", contents: Data())
        try Self.makeSpec(root + "/py/share/jupyter", "python3", #"{"argv": ["python3", "-f", "{connection_file}"], "language": "python"}"#)
        let finder = KernelSpecFinder(environment: ["PATH": root + "/nothing/bin:" + root + "/py/bin:/usr/bin", "HOME": root])
        #expect(finder.dataDirectories.contains(root + "/py/share/jupyter"))
        let spec = try finder.find("python3")
        #expect(spec.command(connectionFile: "/c.json", searchPath: nil) == [root + "/py/bin/python3", "-f", "/c.json"])
    }

    @Test func unknownNameListsTheAvailableOnes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("quire-specs-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.makeSpec(root, "alpha", #"{"argv": ["a"], "language": "x"}"#)
        let finder = KernelSpecFinder(environment: ["JUPYTER_PATH": root, "JUPYTER_DATA_DIR": root + "/none"])
        let error = #expect(throws: KernelError.self) { try finder.find("beta") }
        #expect(error?.kind == .noSuchKernel)
        #expect(error?.message.contains("available: alpha") == true)
    }

    @Test func connectionFileIsPrivateWithFiveDistinctPorts() throws {
        let info = try ConnectionInfo.allocate(kernelName: "k")
        let ports = [info.shellPort, info.iopubPort, info.stdinPort, info.controlPort, info.hbPort]
        #expect(Set(ports).count == 5)
        #expect(info.key.count == 32)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("quire-conn-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try info.write(to: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let json = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(json.objectValue?["signature_scheme"] == .string("hmac-sha256"))
        #expect(json.objectValue?["transport"] == .string("tcp"))
    }
}

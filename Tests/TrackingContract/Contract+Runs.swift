import Testing
import Tracking

extension RunStoreContract {
    static let runCases: [ContractCase] = [
        ContractCase(name: "create run: defaults, random name, runName tag") { store in
            let run = try await store.createRun(CreateRunRequest(experimentId: "0"))
            #expect(run.info.runId.count == 32 && run.info.runId.allSatisfy(\.isHexDigit))
            #expect(run.info.runUuid == run.info.runId)
            #expect(run.info.status == .running && run.info.lifecycleStage == .active && run.info.endTime == nil)
            #expect(run.info.userId == "unknown")
            #expect(!run.info.runName.isEmpty && run.data.tags[SystemTag.runName] == run.info.runName)
            #expect(run.info.artifactUri.hasSuffix("/0/\(run.info.runId)/artifacts"))
            #expect(try await store.run(id: run.info.runId) == run)
            let named = try await store.createRun(CreateRunRequest(
                experimentId: "0", userId: "ana", runName: "run-a", startTime: 42,
                tags: [RunTag(key: "mlflow.user", value: "ana")]))
            #expect(named.info.runName == "run-a" && named.info.startTime == 42 && named.info.userId == "ana")
            #expect(named.data.tags == ["mlflow.user": "ana", SystemTag.runName: "run-a"])
            let byTag = try await store.createRun(CreateRunRequest(
                experimentId: "0", tags: [RunTag(key: SystemTag.runName, value: "from-tag")]))
            #expect(byTag.info.runName == "from-tag")
            await expectError(.invalidParameterValue, containing: "different values") {
                _ = try await store.createRun(CreateRunRequest(
                    experimentId: "0", runName: "x", tags: [RunTag(key: SystemTag.runName, value: "y")]))
            }
            await expectError(.resourceDoesNotExist) { _ = try await store.createRun(CreateRunRequest(experimentId: "77")) }
        },
        ContractCase(name: "get unknown and malformed run ids") { store in
            await expectError(.resourceDoesNotExist, containing: "not found") {
                _ = try await store.run(id: "0123456789abcdef0123456789abcdef")
            }
            await expectError(.invalidParameterValue) { _ = try await store.run(id: "../etc") }
        },
        ContractCase(name: "update run: status, end time, rename") { store in
            let id = try await store.makeRun("0", "before")
            let info = try await store.updateRun(id: id, status: .finished, endTime: 5000, runName: nil)
            #expect(info.status == .finished && info.endTime == 5000 && info.runName == "before")
            _ = try await store.updateRun(id: id, status: nil, endTime: nil, runName: "after")
            let run = try await store.run(id: id)
            #expect(run.info.runName == "after" && run.data.tags[SystemTag.runName] == "after")
            #expect(run.info.status == .finished && run.info.endTime == 5000)
            try await store.setTag(runId: id, key: SystemTag.runName, value: "by-tag")
            #expect(try await store.run(id: id).info.runName == "by-tag")
        },
        ContractCase(name: "delete and restore a run") { store in
            let id = try await store.makeRun("0", "r")
            try await store.deleteRun(id: id)
            #expect(try await store.run(id: id).info.lifecycleStage == .deleted)
            await expectError(.invalidParameterValue, containing: "must be in the 'active' state") {
                try await store.logParam(runId: id, key: "a", value: "1")
            }
            await expectError(.invalidParameterValue) { _ = try await store.updateRun(id: id, status: .failed, endTime: nil, runName: nil) }
            #expect(try await store.names("0") == [])
            #expect(try await store.names("0", view: .deletedOnly) == ["r"])
            #expect(try await store.names("0", view: .all) == ["r"])
            try await store.restoreRun(id: id)
            #expect(try await store.names("0") == ["r"])
            try await store.logParam(runId: id, key: "a", value: "1")
            await expectError(.resourceDoesNotExist) { try await store.deleteRun(id: "ffffffffffffffffffffffffffffffff") }
        },
        ContractCase(name: "nested runs through mlflow.parentRunId") { store in
            let parent = try await store.makeRun("0", "parent")
            let child = try await store.createRun(CreateRunRequest(
                experimentId: "0", runName: "child", tags: [RunTag(key: SystemTag.parentRunId, value: parent)]))
            #expect(child.parentRunId == parent)
            #expect(try await store.run(id: parent).parentRunId == nil)
            #expect(try await store.names("0", filter: "tags.`mlflow.parentRunId` = '\(parent)'") == ["child"])
            #expect(try await store.names("0", filter: "tags.\"mlflow.parentRunId\" IS NULL") == ["parent"])
        },
    ]
}

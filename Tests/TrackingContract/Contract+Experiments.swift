import Testing
import Tracking

extension RunStoreContract {
    static let experimentCases: [ContractCase] = [
        ContractCase(name: "default experiment exists") { store in
            let byId = try await store.experiment(id: "0")
            #expect(byId.name == "Default")
            #expect(byId.lifecycleStage == .active)
            #expect(try await store.experiment(named: "Default") == byId)
        },
        ContractCase(name: "create, get by id and name, duplicates and unknowns") { store in
            let id = try await store.createExperiment(name: "exp-a", artifactLocation: nil, tags: ["team": "vision"])
            let found = try await store.experiment(id: id)
            #expect(found.name == "exp-a" && found.tags == ["team": "vision"])
            #expect(found.artifactLocation.hasSuffix("/\(id)"))
            #expect(found.creationTime > 0 && found.lastUpdateTime >= found.creationTime)
            #expect(try await store.experiment(named: "exp-a") == found)
            let duplicate = await expectError(.resourceAlreadyExists) { _ = try await store.createExperiment(name: "exp-a") }
            #expect(duplicate?.code.httpStatus == 400)
            let missing = await expectError(.resourceDoesNotExist) { _ = try await store.experiment(named: "nope") }
            #expect(missing?.code.httpStatus == 404)
            await expectError(.resourceDoesNotExist) { _ = try await store.experiment(id: "999") }
            await expectError(.resourceDoesNotExist) { _ = try await store.experiment(id: "abc") }
            await expectError(.invalidParameterValue) { _ = try await store.createExperiment(name: "") }
            let custom = try await store.createExperiment(name: "exp-b", artifactLocation: "s3://bucket/b", tags: [:])
            #expect(try await store.experiment(id: custom).artifactLocation == "s3://bucket/b")
        },
        ContractCase(name: "rename, delete, restore, tags") { store in
            let id = try await store.createExperiment(name: "old")
            let runId = try await store.makeRun(id, "r")
            try await store.renameExperiment(id: id, to: "new")
            #expect(try await store.experiment(id: id).name == "new")
            await expectError(.resourceDoesNotExist) { _ = try await store.experiment(named: "old") }
            _ = try await store.createExperiment(name: "other")
            await expectError(.resourceAlreadyExists) { try await store.renameExperiment(id: id, to: "other") }
            try await store.deleteExperiment(id: id)
            #expect(try await store.experiment(id: id).lifecycleStage == .deleted)
            #expect(try await store.run(id: runId).info.lifecycleStage == .deleted)
            await expectError(.invalidParameterValue) { try await store.renameExperiment(id: id, to: "x") }
            await expectError(.invalidParameterValue) { _ = try await store.makeRun(id, "late") }
            await expectError(.resourceAlreadyExists) { _ = try await store.createExperiment(name: "new") }
            try await store.restoreExperiment(id: id)
            #expect(try await store.experiment(id: id).lifecycleStage == .active)
            #expect(try await store.run(id: runId).info.lifecycleStage == .active)
            await expectError(.invalidParameterValue, containing: "default experiment") {
                try await store.deleteExperiment(id: "0")
            }
            try await store.setExperimentTag(id: id, key: "note", value: "v1")
            try await store.setExperimentTag(id: id, key: "note", value: "v2")
            #expect(try await store.experiment(id: id).tags == ["note": "v2"])
            try await store.deleteExperimentTag(id: id, key: "note")
            #expect(try await store.experiment(id: id).tags.isEmpty)
            await expectError(.resourceDoesNotExist) { try await store.deleteExperimentTag(id: id, key: "note") }
            await expectError(.resourceDoesNotExist) { try await store.deleteExperiment(id: "424242") }
        },
        ContractCase(name: "search experiments: view types, filter, order, pages") { store in
            for name in ["alpha", "beta", "gamma", "delta"] { _ = try await store.createExperiment(name: name) }
            try await store.setExperimentTag(id: try await store.experiment(named: "beta").experimentId, key: "k", value: "v")
            try await store.deleteExperiment(id: try await store.experiment(named: "delta").experimentId)
            func names(_ filter: String?, _ view: ViewType = .activeOnly, order: [String] = ["name ASC"]) async throws -> [String] {
                try await store.searchExperiments(ExperimentQuery(parsing: filter, viewType: view, orderBy: order)).items.map(\.name)
            }
            #expect(try await names(nil) == ["Default", "alpha", "beta", "gamma"])
            #expect(try await names(nil, .deletedOnly) == ["delta"])
            #expect(try await names(nil, .all).count == 5)
            #expect(try await names("name LIKE '%a'") == ["alpha", "beta", "gamma"])
            #expect(try await names("name ILIKE 'DEFAULT'") == ["Default"])
            #expect(try await names("tags.k = 'v' OR name = 'gamma'") == ["beta", "gamma"])
            #expect(try await names(nil, order: ["name DESC"]) == ["gamma", "beta", "alpha", "Default"])
            var seen: [String] = []
            var token: String?
            repeat {
                let page = try await store.searchExperiments(
                    ExperimentQuery(viewType: .all, maxResults: 2, orderBy: try OrderTerm.parse(["name"], target: .experiments),
                                    pageToken: token))
                seen += page.items.map(\.name)
                token = page.nextPageToken
            } while token != nil
            #expect(seen == ["Default", "alpha", "beta", "delta", "gamma"])
        },
    ]
}

import Synchronization

/// The web UI's queries, answered from one scan of the state under its lock.
extension InMemoryRunStore {
    public func experimentSummaries(viewType: ViewType) async throws -> [ExperimentSummary] {
        let ordering = ExperimentQuery(viewType: viewType).ordering
        return state.withLock { s in
            var summaries: [String: ExperimentSummary] = [:]
            for experiment in s.experiments.values where viewType.includes(experiment.lifecycleStage) {
                summaries[experiment.experimentId] = ExperimentSummary(
                    experiment: experiment, runCount: 0, lastActivity: experiment.lastUpdateTime)
            }
            for stored in s.runs.values where stored.run.info.lifecycleStage == .active {
                let info = stored.run.info
                guard var summary = summaries[info.experimentId] else { continue }
                summary.runCount += 1
                summary.lastActivity = max(summary.lastActivity, info.startTime, info.endTime ?? .min)
                summaries[info.experimentId] = summary
            }
            return summaries.values.sorted { ordering.areInIncreasingOrder($0.experiment, $1.experiment) }
        }
    }

    public func countRuns(_ query: RunQuery) async throws -> Int {
        let experiments = Set(query.experimentIds)
        return state.withLock { s in
            s.runs.values.count { stored in
                let run = stored.run
                return experiments.contains(run.info.experimentId) && query.viewType.includes(run.info.lifecycleStage)
                    && (query.filter?.matches(run) ?? true)
            }
        }
    }

    public func runKeys(experimentIds: [String], viewType: ViewType) async throws -> RunKeys {
        let experiments = Set(experimentIds)
        return state.withLock { s in
            var params = Set<String>(), metrics = Set<String>(), tags = Set<String>()
            for stored in s.runs.values {
                let run = stored.run
                guard experiments.contains(run.info.experimentId), viewType.includes(run.info.lifecycleStage) else {
                    continue
                }
                params.formUnion(run.data.params.keys)
                metrics.formUnion(run.data.metrics.keys)
                tags.formUnion(run.data.tags.keys)
            }
            return RunKeys(params: params.sorted(), metrics: metrics.sorted(), tags: tags.sorted())
        }
    }
}

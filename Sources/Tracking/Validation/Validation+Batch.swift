extension Validation {
    /// A `log-batch` request after validation: long values truncated, duplicate entries merged,
    /// infinities clamped.
    public struct Batch: Sendable, Hashable {
        public var metrics: [Metric]
        public var params: [Param]
        public var tags: [RunTag]
    }

    /// Checks a batch as MLflow does: sizes first, then every key, then param duplicates.
    /// - Returns: the batch to write, with param and tag values truncated to MLflow's limits and
    ///   ±infinity as ±`Double.greatestFiniteMagnitude`, which MLflow's SQL store returns for them.
    public static func batch(metrics: [Metric], params: [Param], tags: [RunTag]) throws(TrackingError) -> Batch {
        try batchLimits(metrics: metrics.count, params: params.count, tags: tags.count)
        for metric in metrics { try key(metric.key, kind: .metric) }
        var seen: [String: String] = [:]
        var uniqueParams: [Param] = []
        for param in params {
            try key(param.key, kind: .param)
            let value = truncated(param.value, to: TrackingLimits.maxParamValueLength)
            if let earlier = seen[param.key] {
                if earlier != value {
                    throw .invalidParameter(
                        "Duplicate parameter keys have been submitted: ['\(param.key)']. Please ensure the "
                            + "request contains only one param value per param key.")
                }
                continue
            }
            seen[param.key] = value
            uniqueParams.append(Param(key: param.key, value: value))
        }
        var cutTags: [RunTag] = []
        for tag in tags {
            try key(tag.key, kind: .tag)
            cutTags.append(RunTag(key: tag.key, value: truncated(tag.value, to: TrackingLimits.maxTagValueLength)))
        }
        return Batch(metrics: metrics.map(clampingInfinity), params: uniqueParams, tags: cutTags)
    }

    /// MLflow's SQL store writes ±inf as the largest finite double (SQL has no infinity); its
    /// clients read 1.7976931348623157e+308 back, so quire stores the same.
    static func clampingInfinity(_ metric: Metric) -> Metric {
        guard metric.value.isInfinite else { return metric }
        var clamped = metric
        clamped.value = metric.value < 0 ? -.greatestFiniteMagnitude : .greatestFiniteMagnitude
        return clamped
    }

    static func batchLimits(metrics: Int, params: Int, tags: Int) throws(TrackingError) {
        if metrics > TrackingLimits.maxMetricsPerBatch {
            throw tooMany(TrackingLimits.maxMetricsPerBatch, "metrics", got: metrics)
        }
        if params > TrackingLimits.maxParamsPerBatch {
            throw tooMany(TrackingLimits.maxParamsPerBatch, "params", got: params)
        }
        if tags > TrackingLimits.maxTagsPerBatch {
            throw tooMany(TrackingLimits.maxTagsPerBatch, "tags", got: tags)
        }
        let total = metrics + params + tags
        if total > TrackingLimits.maxEntitiesPerBatch {
            throw tooMany(TrackingLimits.maxEntitiesPerBatch, "total metrics, params, and tags", got: total)
        }
    }

    private static func tooMany(_ limit: Int, _ what: String, got: Int) -> TrackingError {
        .invalidParameter(
            "A batch logging request can contain at most \(limit) \(what). Got \(got) \(what). "
                + "Please split up \(what) across multiple requests and try again.")
    }

    /// An experiment tag: a valid key and a value of at most 20,000 scalars.
    public static func experimentTag(key tagKey: String, value: String) throws(TrackingError) {
        try key(tagKey, kind: .tag)
        try length(value, limit: TrackingLimits.maxExperimentTagValueLength, label: "Tag value")
    }
}

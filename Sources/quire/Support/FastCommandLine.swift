import ArgumentParser
import NotebookFormat
import QuireConfig

/// A small parser for the invocations that run on every commit or often: `clean`, `normalize`,
/// `sync` and `convert` with plain flags and files. Anything else — help, an unknown flag, a bad value — returns nil and
/// goes to ArgumentParser, which explains it.
enum FastCommandLine {
    struct Command {
        var run: () throws -> Void
    }

    static func parse(_ arguments: [String]) -> Command? {
        guard let name = arguments.first else { return nil }
        let rest = Array(arguments.dropFirst())
        switch name {
        case "clean": return clean(rest)
        case "normalize": return normalize(rest)
        case "git": return git(rest)
        case "sync": return sync(rest)
        case "convert": return convert(rest)
        default: return nil
        }
    }

    /// What git runs: `git filter-process`, `git clean-filter PATH`, `git smudge-filter [PATH]`,
    /// `git textconv FILE`, `git diff-driver ARGS...`, `git merge-driver %O %A %B [%L [%P]]`.
    private static func git(_ arguments: [String]) -> Command? {
        switch (arguments.first, arguments.count) {
        case ("filter-process", 1): return Command { try Quire.Git.FilterProcess.serve() }
        case ("clean-filter", 2) where isFile(arguments[1]): return Command { try Quire.Git.CleanFilter.clean(path: arguments[1]) }
        case ("smudge-filter", 1), ("smudge-filter", 2): return Command { try Quire.Git.SmudgeFilter.copy() }
        case ("textconv", 2) where isFile(arguments[1]): return Command { try Quire.Git.Textconv.show(file: arguments[1]) }
        case ("diff-driver", _) where arguments.count >= 2: return Command { Quire.Git.DiffDriver.show(Array(arguments.dropFirst())) }
        case ("merge-driver", 4...6) where arguments.dropFirst().allSatisfy(isFile):
            return Command {
                try Quire.Git.MergeDriver.merge(base: arguments[1], current: arguments[2], other: arguments[3], path: arguments.count > 5 ? arguments[5] : nil)
            }
        default: return nil
        }
    }

    private static func normalize(_ arguments: [String]) -> Command? {
        var check = false
        var files: [String] = []
        for argument in arguments {
            if argument == "--check" {
                check = true
            } else if isFile(argument) {
                files.append(argument)
            } else {
                return nil
            }
        }
        guard !files.isEmpty else { return nil }
        return Command { try Quire.Normalize.run(files: files, check: check) }
    }

    private static func clean(_ arguments: [String]) -> Command? {
        var check = false
        var files: [String] = []
        var settings: [(String, TOMLValue)] = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            if argument == "--check" {
                check = true
            } else if isFile(argument) {
                files.append(argument)
            } else if argument.hasPrefix("--no-"), CleanConfiguration.isSwitch(String(argument.dropFirst(5))) {
                settings.append((String(argument.dropFirst(5)), .bool(false)))
            } else if argument.hasPrefix("--"), CleanConfiguration.isSwitch(String(argument.dropFirst(2))) {
                settings.append((String(argument.dropFirst(2)), .bool(true)))
            } else if argument.hasPrefix("--"), CleanConfiguration.knownKeys.contains(String(argument.dropFirst(2))), i < arguments.count {
                let value = arguments[i]
                i += 1
                if argument == "--max-size" && SizeParser.parse(value) == nil { return nil }
                settings.append((String(argument.dropFirst(2)), .string(value)))
            } else {
                return nil
            }
        }
        guard !files.isEmpty else { return nil }
        return Command {
            try Quire.Clean.run(files: files, check: check, options: try CleanFlags.options(applying: settings))
        }
    }

    private static func sync(_ arguments: [String]) -> Command? {
        var check = false, quiet = false, use: Quire.Sync.Side?
        var paths: [String] = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            switch argument {
            case "--check": check = true
            case "-q", "--quiet": quiet = true
            case "--use":
                guard i < arguments.count, let side = Quire.Sync.Side(rawValue: arguments[i]) else { return nil }
                use = side
                i += 1
            default:
                guard isFile(argument), argument != "-" else { return nil }
                paths.append(argument)
            }
        }
        guard !(check && use != nil) else { return nil }
        return Command { try Quire.Sync.run(paths: paths, check: check, use: use, quiet: quiet) }
    }

    /// `convert FILE --to FORMAT [-o OUT] [--update]`; a bad format goes to ArgumentParser.
    private static func convert(_ arguments: [String]) -> Command? {
        var file: String?, to: String?, output: String?, update = false
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            switch argument {
            case "--update": update = true
            case "--to", "-o", "--output":
                guard i < arguments.count else { return nil }
                if argument == "--to" { to = arguments[i] } else { output = arguments[i] }
                i += 1
            default:
                guard isFile(argument), file == nil else { return nil }
                file = argument
            }
        }
        guard let file, let to, let target = try? Quire.Convert.target(to) else { return nil }
        if case .percent = target, update { return nil }
        return Command { try ConversionJob(file: file, to: to, output: output, update: update).run() }
    }

    private static func isFile(_ argument: String) -> Bool {
        argument == "-" || !argument.hasPrefix("-")
    }
}

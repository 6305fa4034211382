import ArgumentParser
extension Quire {
    struct Validate: ParsableCommand {}
    struct Clean: ParsableCommand {}
    struct Git: ParsableCommand {}
}

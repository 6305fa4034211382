import ArgumentParser
extension Quire {
    struct Validate: ParsableCommand {}
    struct Git: ParsableCommand {}
}

import ArgumentParser
extension Quire {
    struct Validate: ParsableCommand {}
}

import ArgumentParser
extension Quire {
}

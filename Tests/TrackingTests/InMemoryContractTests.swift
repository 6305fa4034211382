import Testing
import Tracking
import TrackingContract

/// The reference store passes the contract (which also checks the contract itself).
struct InMemoryContractTests {
    @Test(arguments: RunStoreContract.cases)
    func contract(_ check: ContractCase) async throws {
        try await check.body(InMemoryRunStore())
    }
}

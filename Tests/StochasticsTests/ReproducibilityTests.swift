import Testing
@testable import Stochastics

@Suite struct ReproducibilityTests {
    @Test(arguments: momentCases)
    func sameSeedGivesSameDraws(_ c: MomentCase) {
        let a = RandomStream(scenarioSeed: 42, entity: "vm-7", purpose: "dirty-rate")
        let b = RandomStream(scenarioSeed: 42, entity: "vm-7", purpose: "dirty-rate")
        let first = (0..<1_000).map { _ in c.distribution.sample(a) }
        let second = (0..<1_000).map { _ in c.distribution.sample(b) }
        #expect(first == second)
        if case .constant = c.distribution { return }
        let other = RandomStream(scenarioSeed: 43, entity: "vm-7", purpose: "dirty-rate")
        #expect((0..<1_000).map { _ in c.distribution.sample(other) } != first)
    }
}

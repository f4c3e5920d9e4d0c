import Testing
@testable import HeraldCore

/// Expressions past ``ExpressionLimits`` are a clean error at a column, never a stack overflow; expressions at the
/// limits compile and evaluate.
@Suite struct ExpressionLimitTests {
    /// `term and term and …` with `count` operands.
    static func chain(_ count: Int, _ op: String = "and", term: String = "critical") -> String {
        Array(repeating: term, count: count).joined(separator: " \(op) ")
    }

    static let tooLarge: [(name: String, source: String, column: Int, message: String)] = [
        ("4,000-term and chain", chain(4_000), 10_001, "expression too long: more than 10000 characters"),
        ("1,000-term and chain", chain(1_000, term: "x"), 1_497, "expression too long: more than 500 terms"),
        ("1,000-term or chain", chain(1_000, "or", term: "x"), 1_248, "expression too long: more than 500 terms"),
        ("list nested 3,000 deep",
         "id in " + String(repeating: "[", count: 3_000) + String(repeating: "]", count: 3_000),
         71, "expression too deep: more than 64 levels of nesting"),
        ("parentheses nested 3,000 deep",
         String(repeating: "(", count: 3_000) + "critical" + String(repeating: ")", count: 3_000),
         65, "expression too deep: more than 64 levels of nesting"),
        ("100 nots", String(repeating: "not ", count: 100) + "critical", 257,
         "expression too deep: more than 64 levels of nesting"),
        ("3,000 minus signs", String(repeating: "-", count: 3_000) + "1 < 2", 65,
         "expression too deep: more than 64 levels of nesting"),
        ("20,000 characters", "critical or " + String(repeating: " ", count: 20_000) + "critical", 10_001,
         "expression too long: more than 10000 characters"),
        ("a list of 1,000 elements",
         "id in [" + (1...1_000).map { "\"m\($0)\"" }.joined(separator: ", ") + "]", 3_892,
         "expression too long: more than 500 terms"),
    ]

    @Test(arguments: tooLarge)
    func tooLargeIsAnErrorAtAColumn(name: String, source: String, column: Int, message: String) {
        do {
            _ = try RuleExpression.compile(source)
            Issue.record("\(name) compiled")
        } catch {
            #expect(error.message == message, "\(name)")
            #expect(error.column == column, "\(name)")
        }
    }

    @Test func theLargestAcceptedExpressionsCompileAndEvaluate() throws {
        let facts = facts() // the fixture is critical
        let chain = try RuleExpression.compile(Self.chain(250))
        #expect(chain.evaluate(facts))
        let nested = String(repeating: "(", count: 63) + "critical" + String(repeating: ")", count: 63)
        #expect(try RuleExpression.compile(nested).evaluate(facts))
        let negations = String(repeating: "not ", count: 64) + "critical"
        #expect(try RuleExpression.compile(negations).evaluate(facts))
    }
}

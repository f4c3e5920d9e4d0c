import Testing
@testable import HeraldCore

private let validStatuses = "planned, in_progress, at_risk, blocked, on_hold, done, cancelled"

@Test(arguments: [
    // syntax
    ("", 1, "empty expression"),
    ("   ", 1, "empty expression"),
    ("status ==", 10, "unexpected end of expression"),
    (#"owner == "a" and"#, 17, "unexpected end of expression"),
    ("(critical", 10, "expected ')' after expression"),
    ("(critical or (critical)", 24, "expected ')' after expression"),
    ("critical)", 9, "unexpected ')'"),
    ("critical critical", 10, "unexpected 'critical'"),
    ("days_until_due < 1 < 2", 20, "comparisons cannot be chained"),
    ("days_until_due == 1 != false", 21, "comparisons cannot be chained"),
    ("days_until_due + 1 > 2", 16, "unexpected character '+'"),
    ("@", 1, "unexpected character '@'"),
    (#"owner = "x""#, 7, "use '==' to compare"),
    ("!critical", 1, "use 'not' to negate"),
    (#"owner == "abc"#, 10, "unterminated string"),
    (#"owner == "a\nb""#, 12, "unknown escape '\\n' in string"),
    ("due < 2026-02-30", 7, "invalid date '2026-02-30'"),
    ("3d > 1", 1, "invalid number '3d'"),
    ("owner in [1, 2", 15, "expected ',' or ']' in list"),
    ("owner in [1 2]", 13, "expected ',' or ']' in list"),
    ("days_until_due in [1, owner]", 23, "list elements must be literals"),
    ("not in [1]", 5, "unexpected 'in'"),
    (#"title == "été" and foo"#, 20, "unknown variable 'foo'"), // columns count characters
    // variables
    ("foo == 1", 1, "unknown variable 'foo'"),
    (#"ownr == "bob""#, 1, "unknown variable 'ownr'; did you mean 'owner'?"),
    (#"stauts == "done""#, 1, "did you mean 'status'?"),
    ("previous.critcal", 1, "did you mean 'previous.critical'?"),
    (#"label.team == "x""#, 1, "did you mean 'labels.team'?"),
    (#"labels == "x""#, 1, "expected a label name after 'labels.'"),
    (#"labels. == "x""#, 1, "expected a label name after 'labels.'"),
    ("previous.previous.status == null", 1, "unknown variable 'previous.previous.status'"),
    ("time_moved > 1", 1, "did you mean 'times_moved'?"),
    ("moved_day > 1", 1, "did you mean 'moved_days'?"),
    ("status_change_at < today", 1, "did you mean 'status_changed_at'?"),
    // types
    ("owner == 1", 7, "cannot compare string with number"),
    ("due < 3", 5, "cannot compare date with number"),
    ("due == days_until_due", 5, "cannot compare date with number"),
    (#"owner < "b""#, 7, "'<' needs number or date operands, got string"),
    ("critical >= true", 10, "'>=' needs number or date operands, got boolean"),
    ("null < 1", 6, "'<' needs number or date operands, got null"),
    ("critical and 1", 10, "'and' needs boolean operands, got number"),
    ("1 or critical", 3, "'or' needs boolean operands, got number"),
    ("not owner", 1, "'not' needs a boolean operand, got string"),
    ("-owner == 1", 1, "'-' needs a number operand, got string"),
    ("owner", 1, "expression must be boolean, got string"),
    ("days_until_due", 1, "expression must be boolean, got number"),
    ("times_moved", 1, "expression must be boolean, got number"),
    (#"moved_days == "3""#, 12, "cannot compare number with string"),
    ("status_changed_at < 3", 19, "cannot compare date with number"),
    ("status_changed_at > moved_days", 19, "cannot compare date with number"),
    ("previous.times_moved < due", 22, "cannot compare number with date"),
    ("null", 1, "expression must be boolean, got null"),
    (#"owner in "x""#, 7, "'in' needs a list on the right, got string"),
    (#"owner not in critical"#, 7, "'not in' needs a list on the right, got boolean"),
    ("owner in [1, 2]", 7, "cannot compare string with list of number"),
    (#"days_until_due in [1, "a"]"#, 23, "list elements must share one type: number and string"),
    ("[1] == owner", 1, "a list can only follow 'in' or 'not in'"),
    // statuses
    (#"status == "doen""#, 11, #"unknown status "doen"; expected one of \#(validStatuses)"#),
    (#""doen" != status"#, 1, #"unknown status "doen""#),
    (#"status in ["done", "doen"]"#, 20, #"unknown status "doen""#),
    (#"status not in ["In_Progress"]"#, 16, #"unknown status "In_Progress""#),
    (#"previous.status == "x""#, 20, #"unknown status "x""#),
])
func compileErrors(source: String, column: Int, fragment: String) {
    #expect(throws: ExpressionError.self, "\(source)") { try RuleExpression.compile(source) }
    do {
        _ = try RuleExpression.compile(source)
    } catch {
        #expect(error.column == column, "\(source): \(error)")
        #expect(error.message.contains(fragment), "\(source): \(error)")
    }
}

@Test func statusComparedWithANonLiteralIsNotChecked() throws {
    _ = try RuleExpression.compile(#"status == labels.status or status == previous.status or status != null"#)
}

@Test func errorDescriptionNamesTheColumn() {
    #expect(ExpressionError(column: 3, message: "unexpected ')'").description == "unexpected ')' (column 3)")
}

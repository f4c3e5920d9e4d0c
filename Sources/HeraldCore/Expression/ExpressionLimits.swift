/// How large a `when` expression may be. The parser refuses anything larger with "expression too long" or
/// "expression too deep" at a column, so the syntax tree, the type checker's walk over it, the lowered `Program`
/// and its evaluation all stay within a small, fixed stack depth whatever the config holds.
public enum ExpressionLimits {
    /// The longest source accepted, in characters.
    public static let maximumLength = 10_000
    /// The most nodes accepted: operands, operators and list elements together.
    public static let maximumTerms = 500
    /// The deepest nesting of parentheses, lists and prefix `not` / `-` accepted.
    public static let maximumDepth = 64
}

import HeraldCore

/// "Did you mean ...?" for misspelt keys and references.
enum Suggestion {
    /// The candidate within edit distance 2 of `word`, closest first; nil when none is close.
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        candidates
            .map { ($0, EditDistance.between(word, $0)) }
            .filter { $0.1 <= 2 && $0.1 < max(word.count, 2) }
            .min { $0.1 < $1.1 }?.0
    }
}

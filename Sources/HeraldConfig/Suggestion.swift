/// "Did you mean ...?" for misspelt keys and references.
enum Suggestion {
    /// The candidate within edit distance 2 of `word`, closest first; nil when none is close.
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        candidates
            .map { ($0, distance(word, $0)) }
            .filter { $0.1 <= 2 && $0.1 < max(word.count, 2) }
            .min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

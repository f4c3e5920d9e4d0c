import Testing
@testable import HeraldCore

@Suite struct TextLimitTests {
    @Test func textWithinTheLimitIsUnchanged() {
        #expect(TextLimit.characters(10).truncating("short") == "short")
        #expect(TextLimit.characters(10).split("short") == ["short"])
        #expect(TextLimit.characters(10).split("") == [""])
    }

    @Test func truncationEndsWithAnEllipsisWithinTheLimit() {
        let limit = TextLimit.characters(10)
        let shortened = limit.truncating("one two three four")
        #expect(shortened == "one two t…")
        #expect(limit.admits(shortened))
    }

    @Test func byteLimitsNeverCutACharacter() {
        let limit = TextLimit.bytes(10)
        let shortened = limit.truncating("ééééééééé")
        #expect(shortened == "ééé…")
        #expect(shortened.utf8.count <= 10)
        #expect(limit.split("éééééé").allSatisfy { $0.utf8.count <= 10 })
    }

    @Test func aCharacterOverTheLimitIsCutBetweenScalars() {
        let zalgo = "e" + String(repeating: "\u{301}", count: 20)
        let pieces = TextLimit.characters(8).split(zalgo)
        #expect(pieces.joined() == zalgo)
        #expect(pieces.allSatisfy { $0.utf16.count <= 8 })
    }

    @Test func splitPrefersLineBreaksThenSpacesAndJoinsBackExactly() {
        let limit = TextLimit.characters(12)
        #expect(limit.split("first line\nsecond line") == ["first line\n", "second line"])
        #expect(limit.split("alpha beta gamma delta") == ["alpha beta ", "gamma delta"])
        #expect(limit.split("abcdefghijklmnopqrstuvwxyz") == ["abcdefghijkl", "mnopqrstuvwx", "yz"])
    }

    @Test(arguments: [TextLimit.characters(3_000), .characters(2_000), .bytes(32_000), .bytes(500)])
    func longTextSplitsDeterministicallyWithinTheLimit(_ limit: TextLimit) {
        let text = longText(10_000)
        let pieces = limit.split(text)
        #expect(pieces == limit.split(text), "same input, same pieces")
        #expect(pieces.joined() == text)
        #expect(pieces.allSatisfy { limit.admits($0) && !$0.isEmpty })
        #expect(limit.admits(limit.truncating(text)))
    }
}

/// About `count` characters of words, line breaks and a few multi-byte characters.
func longText(_ count: Int) -> String {
    let words = [
        "milestone", "sign-off", "Zürich", "due", "→", "Friday", "δ", "review\n", "👩🏽‍💻", "R&D", "<ok>", "\"quoted\"",
    ]
    var text = ""
    var (index, length) = (0, 0)
    while length < count {
        let word = words[index % words.count] + (index % 7 == 6 ? "\n" : " ")
        text += word
        length += word.count
        index += 1
    }
    return text
}

import Foundation

/// JSON for bodies and reports: keys sorted (so bytes are deterministic), slashes unescaped.
public enum JSONOutput {
    /// `value` as compact JSON bytes; empty when it cannot be encoded.
    public static func bytes(_ value: some Encodable) -> [UInt8] {
        Array((try? compact.encode(value)) ?? Data())
    }

    /// `value` as indented JSON text for people and scripts; `[]` when it cannot be encoded.
    public static func pretty(_ value: some Encodable) -> String {
        String(decoding: (try? indented.encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }

    private static let compact: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private static let indented: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}

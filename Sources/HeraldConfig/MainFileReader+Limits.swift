import HeraldCore
import Yams

extension MainFileReader {
    /// `limits:`: `project_file_size` (bytes, or `512KiB`, `2MiB`), `id_length`, `title_length`, `text_length`
    /// (characters) and `list_length` (items), each a positive whole number; unset ones keep their defaults.
    func readLimits(_ node: Node) -> InputLimits {
        var limits = InputLimits()
        let keys: [(String, WritableKeyPath<InputLimits, Int>)] = [
            ("project_file_size", \.projectFileSize), ("id_length", \.idLength), ("title_length", \.titleLength),
            ("text_length", \.textLength), ("list_length", \.listLength),
        ]
        guard let fields = context.mapping(node, "'limits'", allowed: keys.map(\.0)) else { return limits }
        for (key, path) in keys {
            guard let value = fields[key], let text = context.string(value, "'\(key)'") else { continue }
            if let number = key == "project_file_size" ? Self.bytes(text) : Int(text), number > 0 {
                limits[keyPath: path] = number
            } else {
                let form = key == "project_file_size" ? "a size such as 1048576, 512KiB or 2MiB" : "a whole number"
                context.error("'\(key)' must be \(form) greater than 0, not '\(text)'", at: value)
            }
        }
        return limits
    }

    /// `1048576`, `512KiB` or `2MiB` in bytes.
    private static func bytes(_ text: String) -> Int? {
        for (suffix, scale) in [("KiB", 1_024), ("MiB", 1_048_576)] where text.hasSuffix(suffix) {
            return Int(text.dropLast(suffix.count)).flatMap { $0 <= Int.max / scale ? $0 * scale : nil }
        }
        return Int(text)
    }
}

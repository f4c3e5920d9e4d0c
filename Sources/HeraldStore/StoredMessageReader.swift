import Foundation
import HeraldCore

/// Reads a stored message (`messages.content`) straight from its JSON bytes, several times faster than
/// `JSONDecoder`: a lease decodes one message per delivery, and that decoding was the dispatcher's largest cost.
///
/// It knows exactly the keys `OutgoingMessage` and its parts encode. Anything else (a key it does not know, a value
/// of another type, malformed JSON) makes it give up with nil, and the caller decodes with `JSONDecoder`, so a field
/// added to the message later is never dropped here: it only takes the slower path until this reader learns it.
struct StoredMessageReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    /// The message in `json` (as the store writes it), or nil when this reader cannot vouch for reading it exactly
    /// as `JSONDecoder` would.
    static func message(from json: inout String) -> OutgoingMessage? {
        json.withUTF8 { bytes in
            var reader = StoredMessageReader(bytes: bytes)
            guard let message = reader.message() else { return nil }
            reader.skipSpace()
            return reader.index == bytes.count ? message : nil
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    // MARK: - The message and its parts

    private mutating func message() -> OutgoingMessage? {
        var id: String?, createdAt: Date?, kind: MessageKind?, channel: String?, text: String?
        var milestones: [MilestoneRef]?, recipients: [String]?, mentions: [String]?
        var rule: String?, project: ProjectRef?, escalation: EscalationRef?, heldUntil: Date?, holdReason: String?
        var milestoneURL: String?
        let complete = object { reader, key in
            switch key {
            case "id": id = reader.string()
            case "createdAt": createdAt = reader.date()
            case "kind": kind = reader.string().flatMap(MessageKind.init(rawValue:))
            case "channel": channel = reader.string()
            case "text": text = reader.string()
            case "milestones": milestones = reader.array { $0.milestone() }
            case "recipients": recipients = reader.array { $0.string() }
            case "mentions": mentions = reader.array { $0.string() }
            case "rule": return reader.optional(&rule) { $0.string() }
            case "project": return reader.optional(&project) { $0.project() }
            case "escalation": return reader.optional(&escalation) { $0.escalation() }
            case "heldUntil": return reader.optional(&heldUntil) { $0.date() }
            case "holdReason": return reader.optional(&holdReason) { $0.string() }
            case "milestoneURL": return reader.optional(&milestoneURL) { $0.string() }
            default: return false
            }
            return true
        }
        guard complete, let id, let createdAt, let kind, let channel, let text, let milestones, let recipients,
              let mentions else { return nil }
        return OutgoingMessage(
            id: id, createdAt: createdAt, kind: kind, rule: rule, project: project, milestones: milestones,
            channel: channel, recipients: recipients, mentions: mentions, text: text, escalation: escalation,
            heldUntil: heldUntil, holdReason: holdReason, milestoneURL: milestoneURL
        )
    }

    private mutating func project() -> ProjectRef? {
        var id: String?, name: String?
        let complete = object { reader, key in
            switch key {
            case "id": id = reader.string()
            case "name": name = reader.string()
            default: return false
            }
            return true
        }
        guard complete, let id, let name else { return nil }
        return ProjectRef(id: id, name: name)
    }

    private mutating func milestone() -> MilestoneRef? {
        var id: String?, title: String?, due: CivilDate?, status: MilestoneStatus?, owner: String?
        let complete = object { reader, key in
            switch key {
            case "id": id = reader.string()
            case "title": title = reader.string()
            case "due": due = reader.string().flatMap(CivilDate.init(iso:))
            case "status": status = reader.string().flatMap(MilestoneStatus.init(rawValue:))
            case "owner": owner = reader.string()
            default: return false
            }
            return true
        }
        guard complete, let id, let title, let due, let status, let owner else { return nil }
        return MilestoneRef(id: id, title: title, due: due, status: status, owner: owner)
    }

    private mutating func escalation() -> EscalationRef? {
        var id: String?, policy: String?, level: Int?, levels: Int?, isRepeat: Bool?, ackURL: String?
        let complete = object { reader, key in
            switch key {
            case "id": id = reader.string()
            case "policy": policy = reader.string()
            case "level": level = reader.int()
            case "levels": levels = reader.int()
            case "isRepeat": isRepeat = reader.bool()
            case "ackURL": return reader.optional(&ackURL) { $0.string() }
            default: return false
            }
            return true
        }
        guard complete, let id, let policy, let level, let levels, let isRepeat else { return nil }
        return EscalationRef(id: id, policy: policy, level: level, levels: levels, isRepeat: isRepeat, ackURL: ackURL)
    }

    // MARK: - JSON

    /// Reads an object, handing each key to `member`, which reads the value and returns false to give up.
    /// True when the whole object was read.
    private mutating func object(_ member: (inout StoredMessageReader, String) -> Bool) -> Bool {
        guard consume(UInt8(ascii: "{")) else { return false }
        if consume(UInt8(ascii: "}")) { return true }
        repeat {
            guard let key = string(), consume(UInt8(ascii: ":")), member(&self, key) else { return false }
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "}"))
    }

    /// Reads an array whose elements `element` reads; nil when any of them fails.
    private mutating func array<Element>(_ element: (inout StoredMessageReader) -> Element?) -> [Element]? {
        guard consume(UInt8(ascii: "[")) else { return nil }
        var elements: [Element] = []
        if consume(UInt8(ascii: "]")) { return elements }
        repeat {
            guard let next = element(&self) else { return nil }
            elements.append(next)
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "]")) ? elements : nil
    }

    /// Reads `null` (leaving `value` nil) or a value `read` reads into `value`; false when that fails.
    private mutating func optional<Value>(
        _ value: inout Value?, _ read: (inout StoredMessageReader) -> Value?
    ) -> Bool {
        skipSpace()
        if take("null") { return true }
        value = read(&self)
        return value != nil
    }

    private mutating func string() -> String? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
            index += 1
        }
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "\"") {
            index += 1
            return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self)
        }
        var text = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count, unescape(into: &text) else { return nil }
            case 0..<0x20:
                return nil
            default:
                text.append(byte)
            }
        }
        return nil
    }

    /// Reads the escape after a backslash, appending what it stands for as UTF-8.
    private mutating func unescape(into text: inout [UInt8]) -> Bool {
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(byte)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"):
            guard var scalar = hex4() else { return false }
            if (0xD800..<0xDC00).contains(scalar) {
                guard take("\\u"), let low = hex4(), (0xDC00..<0xE000).contains(low) else { return false }
                scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
            }
            guard let character = Unicode.Scalar(scalar) else { return false }
            text += Array(String(Character(character)).utf8)
        default:
            return false
        }
        return true
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count,
              let value = UInt32(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<(index + 4)]),
                                        as: UTF8.self), radix: 16)
        else { return nil }
        index += 4
        return value
    }

    /// A number as `JSONDecoder`'s `secondsSince1970` strategy reads it.
    private mutating func date() -> Date? {
        number().flatMap { Double($0) }.map { Date(timeIntervalSince1970: $0) }
    }

    private mutating func int() -> Int? {
        number().flatMap { Int($0) }
    }

    private mutating func bool() -> Bool? {
        skipSpace()
        if take("true") { return true }
        if take("false") { return false }
        return nil
    }

    /// The text of a number token.
    private mutating func number() -> String? {
        skipSpace()
        let start = index
        while index < bytes.count, Self.isNumberByte(bytes[index]) {
            index += 1
        }
        guard index > start else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
            UInt8(ascii: "e"), UInt8(ascii: "E"):
            return true
        default:
            return false
        }
    }

    /// Skips spaces, then takes `byte` if it comes next.
    private mutating func consume(_ byte: UInt8) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Takes `literal` if it comes next.
    private mutating func take(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let matches = literal.withUTF8Buffer { expected in
            zip(bytes[index..<(index + count)], expected).allSatisfy { $0 == $1 }
        }
        if matches { index += count }
        return matches
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }
}

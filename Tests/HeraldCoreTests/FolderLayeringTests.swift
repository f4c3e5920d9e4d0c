import Foundation
import Testing

/// HeraldCore's folders form layers: a folder uses the types of the folders below it, never of one that uses it
/// back. A reference is a top-level type's name written in another folder's code (comments and string literals
/// aside), so the test reads the sources, not the compiled module.
@Suite struct FolderLayeringTests {
    @Test func noFolderOfHeraldCoreUsesAFolderThatUsesItBack() throws {
        let uses = try FolderUses(root: Self.sourceRoot)
        let loops = uses.loops()
        #expect(loops.isEmpty, "folders that use each other in a loop:\n\(loops.joined(separator: "\n"))")
    }

    @Test func theReaderSeesAUseAcrossFolders() throws {
        let uses = try FolderUses(root: Self.sourceRoot)
        // Messages carry dates; dates know nothing of messages.
        #expect(uses.edges["Messages"]?["Time"] != nil)
        #expect(uses.edges["Time"]?["Messages"] == nil)
    }

    static let sourceRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/HeraldCore")
}

/// Which folder's code names which other folder's top-level types.
private struct FolderUses {
    /// folder → used folder → the `file: Type` uses behind the edge.
    var edges: [String: [String: Set<String>]] = [:]

    init(root: URL) throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: root.path)
            .filter { $0.hasSuffix(".swift") }
            .map { path in (folder: (path as NSString).deletingLastPathComponent, name: path,
                            code: Self.code(of: try String(contentsOf: root.appendingPathComponent(path),
                                                           encoding: .utf8))) }
        var owner: [String: String] = [:]
        for file in files {
            for name in Self.declaredTypes(in: file.code) where owner[name] == nil { owner[name] = file.folder }
        }
        for file in files {
            for word in Set(Self.capitalisedWords(in: file.code)) {
                guard let folder = owner[word], folder != file.folder else { continue }
                edges[file.folder, default: [:]][folder, default: []].insert("\(file.name): \(word)")
            }
        }
    }

    /// Each loop (a strongly connected set of folders) as the uses that make it, one line per edge.
    func loops() -> [String] {
        var index: [String: Int] = [:], low: [String: Int] = [:], stack: [String] = [], onStack: Set<String> = []
        var components: [[String]] = []
        func visit(_ folder: String) {
            index[folder] = index.count
            low[folder] = index[folder]
            stack.append(folder)
            onStack.insert(folder)
            for next in (edges[folder] ?? [:]).keys.sorted() {
                if index[next] == nil {
                    visit(next)
                    low[folder] = min(low[folder]!, low[next]!)
                } else if onStack.contains(next) {
                    low[folder] = min(low[folder]!, index[next]!)
                }
            }
            guard low[folder] == index[folder] else { return }
            var component: [String] = []
            while let top = stack.popLast() {
                onStack.remove(top)
                component.append(top)
                if top == folder { break }
            }
            if component.count > 1 { components.append(component.sorted()) }
        }
        for folder in edges.keys.sorted() where index[folder] == nil { visit(folder) }
        return components.flatMap { component in
            component.flatMap { from in
                component.compactMap { to in
                    edges[from]?[to].map { "\(from) -> \(to): \($0.sorted().prefix(3).joined(separator: ", "))" }
                }
            }
        }
    }

    /// The names of the types a file declares at top level (nested types and generic parameters are not seen).
    static func declaredTypes(in code: String) -> [String] {
        let pattern = #/^(?:public |package |internal |fileprivate |private )?(?:final )?(?:indirect )?(?:struct|enum|class|protocol|actor|typealias) ([A-Z]\w*)/#
        return code.split(separator: "\n").compactMap { line in
            (try? pattern.prefixMatch(in: line)).map { String($0.1) }
        }
    }

    static func capitalisedWords(in code: String) -> [String] {
        code.matches(of: #/\b[A-Z]\w*/#).map { String(code[$0.range]) }
    }

    /// The code without its comments and the contents of its string literals.
    static func code(of source: String) -> String {
        source.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = Substring(line)
            if let comment = line.firstRange(of: "//") { line = line[..<comment.lowerBound] }
            return line.replacing(#/"[^"]*"/#, with: "\"\"")
        }.joined(separator: "\n")
    }
}

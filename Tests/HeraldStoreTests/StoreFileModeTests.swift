import Foundation
import HeraldCore
import HeraldStore
import Testing

/// The store's files hold valid acknowledgement tokens: only their owner may read them.
@Suite struct StoreFileModeTests {
    /// The permission bits of what is at `path`.
    static func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber).intValue
    }

    @Test func aNewStoreIsItsOwnersOnly() throws {
        let directory = try temporaryDirectory() + "/nested/state"
        let store = try HeraldStore(directory: directory)
        try store.apply(projects: [project([milestone("design")])], source: fileSource, at: t0)
        #expect(try Self.mode(directory) == 0o700)
        for file in ["herald.sqlite", "herald.sqlite-wal", "herald.sqlite-shm"] {
            #expect(try Self.mode(directory + "/" + file) == 0o600, "\(file)")
        }
    }

    @Test(arguments: [(0o755, 0o644), (0o777, 0o666), (0o750, 0o640), (0o711, 0o604)])
    func looserModesAreTightenedOnOpen(directoryMode: Int, fileMode: Int) throws {
        let directory = try temporaryDirectory()
        do {
            let store = try HeraldStore(directory: directory)
            try store.apply(projects: [project([milestone("design")])], source: fileSource, at: t0)
        }
        let files = ["herald.sqlite", "herald.sqlite-wal", "herald.sqlite-shm"].map { directory + "/" + $0 }
            .filter { FileManager.default.fileExists(atPath: $0) }
        for file in files { try FileManager.default.setAttributes([.posixPermissions: fileMode], ofItemAtPath: file) }
        try FileManager.default.setAttributes([.posixPermissions: directoryMode], ofItemAtPath: directory)

        let reopened = try HeraldStore(directory: directory)
        #expect(try reopened.trackedMilestones().map(\.milestone.id) == ["design"])
        #expect(try Self.mode(directory) == directoryMode & 0o700)
        for file in files { #expect(try Self.mode(file) == fileMode & 0o700, "\(file)") }
    }

    @Test func aCopyIsAsPrivate() throws {
        let directory = try temporaryDirectory()
        try HeraldStore(directory: directory).apply(projects: [project([milestone("design")])], source: fileSource,
                                                     at: t0)
        let destination = try temporaryDirectory() + "/copy"
        try HeraldStore.copy(directory: directory, to: destination)
        #expect(try Self.mode(destination) == 0o700)
        #expect(try Self.mode(destination + "/herald.sqlite") == 0o600)
    }
}

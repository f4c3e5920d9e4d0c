import Foundation
import HeraldCore

extension Project {
    /// The history source of changes read from the project's file: `file:apollo.yaml`.
    var historySource: String {
        "file:" + URL(fileURLWithPath: sourceFile).lastPathComponent
    }
}

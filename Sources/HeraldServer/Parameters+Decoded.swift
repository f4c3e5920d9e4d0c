import Foundation
import Hummingbird

extension Parameters {
    /// The path segment `name` with its percent-escapes decoded (`%C3%BCn%C3%AF` is `ünï`); empty when absent, as it
    /// is when the escapes are not UTF-8 (no id is empty, so that is a 404 like any unknown id).
    func decoded(_ name: String) -> String {
        guard let segment = get(name) else { return "" }
        return segment.removingPercentEncoding ?? ""
    }
}

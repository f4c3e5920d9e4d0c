import Foundation
import HeraldCore

/// The address a request comes from, as the login throttle counts it: the connection's peer, or, when that peer is
/// one of `server.trusted_proxies`, the address its `X-Forwarded-For` names: the right-most one not itself a
/// trusted proxy (the left-most when all are). A header from any other peer is ignored, since anyone can send one.
enum ClientAddress {
    /// The client of a request from `peer` (nil: unknown, as in-process) carrying the `X-Forwarded-For` values
    /// `forwardedFor`.
    static func resolve(peer: String?, forwardedFor: [String], trusted: [AddressRange]) -> String {
        guard var client = peer else { return "unknown" }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for hop in hops.reversed() {
            guard trusted.contains(where: { $0.contains(client) }) else { break }
            client = hop
        }
        return client
    }
}

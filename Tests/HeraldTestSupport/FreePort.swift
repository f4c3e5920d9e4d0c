/// A port for a test server of Herald's own (`server.listen`) that nothing on 127.0.0.1 uses now: the kernel picks
/// it, so parallel tests do not collide as randomly drawn ports sometimes did.
public enum FreePort {
    /// A free ephemeral port on 127.0.0.1.
    public static func onLoopback() throws -> Int {
        Int(try ReceiverSocket.reserveEphemeralPort())
    }
}

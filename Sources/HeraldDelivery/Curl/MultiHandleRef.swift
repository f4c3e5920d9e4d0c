import CCurlShim

/// The engine's `CURLM` pointer.
///
/// `@unchecked Sendable` because only the loop thread drives the handle; other threads touch it solely through
/// `curl_multi_wakeup` (documented as thread-safe), and only while holding the ``CurlMailbox`` lock before the
/// loop has marked the mailbox finished, after which the loop alone cleans the handle up.
struct MultiHandleRef: @unchecked Sendable {
    let raw: UnsafeMutableRawPointer
}

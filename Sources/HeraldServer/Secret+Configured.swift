import HeraldCore

extension Optional where Wrapped == Secret {
    /// The secret's value, nil when none is configured or it is empty: an empty secret counts as none, so the routes
    /// refuse (401, or 403 for the dashboard) and nothing is ever compared with it.
    var configured: String? {
        guard let value = self?.value, !value.isEmpty else { return nil }
        return value
    }
}

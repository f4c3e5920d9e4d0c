/// Herald's version, sent as `User-Agent: herald/VERSION`.
public enum HeraldVersion {
    public static let current = "0.1.0"
}

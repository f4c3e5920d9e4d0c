import ArgumentParser
import HeraldApp
import HeraldCore

/// `PROJECT` or `PROJECT/MILESTONE` on the command line.
extension SnoozeTarget: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(parsing: argument)
    }
}

/// A `YYYY-MM-DD` date on the command line.
extension CivilDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(iso: argument)
    }
}

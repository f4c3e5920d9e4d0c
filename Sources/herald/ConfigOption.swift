import ArgumentParser
import Foundation

/// `--config F`, defaulting to `$HERALD_CONFIG`, then `config/herald.yaml`.
struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: "The main config file (default: $HERALD_CONFIG, then config/herald.yaml).")
    var config: String?

    var path: String {
        config ?? ProcessInfo.processInfo.environment["HERALD_CONFIG"] ?? "config/herald.yaml"
    }
}

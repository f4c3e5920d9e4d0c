/// HeraldConfig: YAML files into a validated `Configuration`.
public enum HeraldConfigModule {}

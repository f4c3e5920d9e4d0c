/// HeraldApp: wiring.
public enum HeraldAppModule {}

/// HeraldStore: the GRDB-backed store.
public enum HeraldStoreModule {}

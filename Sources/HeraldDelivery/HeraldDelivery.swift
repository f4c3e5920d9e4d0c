import CCurlShim
/// HeraldDelivery: libcurl transports and the dispatcher.
public enum HeraldDeliveryModule {}

import HeraldDelivery
import HeraldStore

/// The store is the dispatcher's durable queue.
extension HeraldStore: DeliveryQueue {}

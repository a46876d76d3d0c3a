/// The domain models (instances, catalog, errors) live in `SesterceModels`, so
/// that the pure dashboard core can use them without reaching the client.
/// Whoever imports the client gets them too.
@_exported import SesterceModels

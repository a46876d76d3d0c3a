/// Where text sits in a field wider than itself: names read from the left,
/// numbers line up on the right, messages sit in the middle.
public enum TextAlignment: Hashable, Sendable {
    case left, right, center
}

/// The colour schemes a person can choose (config `theme:`); the dashboard
/// maps each to a `Theme`. `mono` also turns colour off altogether.
public enum ThemeChoice: String, CaseIterable, Sendable {
    case dark, light, mono
}

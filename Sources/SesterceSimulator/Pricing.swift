/// The simulator's price formula, documented so that the dashboard's figures
/// can be checked: a pod costs its hardware's hourly price; a configuration
/// costs that price times the pods (the maximum of each region for a preview,
/// the running pods for an instance); a month is 730 hours.
public enum Pricing {
    public static let hoursPerMonth = 730.0

    static func cents(_ dollars: Double) -> Double { (dollars * 100).rounded() / 100 }

    static func quote(podPrice: Double, maxPods: [Int]) -> (perHour: Double, perMonth: Double) {
        let perHour = podPrice * Double(maxPods.reduce(0, +))
        return (cents(perHour), cents(perHour * hoursPerMonth))
    }
}

extension State {
    /// `Y`: the selected instance's address goes to the clipboard, by the
    /// terminal (the effect), so that it reaches the person's own machine
    /// even over ssh. The address is no secret: the footer says what was copied.
    mutating func copySelectedAddress() -> [Effect] {
        guard pane == .instances || detailId != nil, let instance = selectedInstance else {
            showInfo("Y copies the address of the selected instance (Instances pane, 1)")
            return []
        }
        guard let address = instance.address, !address.isEmpty else {
            showInfo("\(instance.name) has no address yet: nothing copied")
            return []
        }
        showInfo("copied \(address)")
        return [.copyToClipboard(address)]
    }
}

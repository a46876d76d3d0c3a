import SesterceModels

/// Registries: create and edit through a form, delete after a y/N question.
/// The password is sent once and then cleared from state.
extension State {
    static func registryForm(editing registry: Registry?, height: Int) -> Form {
        var fields: [FormField] = []
        if registry == nil { fields.append(.text("name", "Name", rules: [.required], placeholder: "my-registry")) }
        fields += [
            .text("url", "Image URL", registry?.url ?? "", rules: [.required], placeholder: "docker.io/acme/image:tag"),
            .text("username", "Username", rules: [.required]),
            .secret("password", "Password", rules: [.required]),
        ]
        return Form(
            title: registry.map { "Edit registry \($0.name)" } ?? "New registry",
            sections: [FormSection("Registry", fields)], submitLabel: registry == nil ? "Create" : "Save",
            visibleRows: Form.visibleRows(screenHeight: height))
    }

    var selectedRegistry: Registry? {
        guard pane == .registries, let id = listings[.registries]?.selectedId else { return nil }
        return registries.first { $0.id == id }
    }

    mutating func changeRegistry(_ command: Command) -> [Effect] {
        guard !settings.readonly else {
            showError("read-only: registries cannot be changed (--readonly)")
            return []
        }
        switch command {
        case .new:
            form = FormSession(form: Self.registryForm(editing: nil, height: height), purpose: .createRegistry)
        case .edit:
            guard let registry = selectedRegistry else { return [] }
            form = FormSession(
                form: Self.registryForm(editing: registry, height: height),
                purpose: .editRegistry(id: registry.id, name: registry.name))
        default:
            guard let registry = selectedRegistry else { return [] }
            overlay = .confirm(.deleteRegistry(id: registry.id, name: registry.name))
        }
        return []
    }

    /// Sends a valid registry form; the password leaves state with the request.
    mutating func submitRegistry(_ session: inout FormSession) -> [Effect] {
        let credentials = RegistryCredentials(
            url: session.form.text("url"), username: session.form.text("username"), password: session.form.text("password"))
        session.submitting = true
        session.form.clearSecrets()
        session.form.setErrors([:])
        let name = if case .editRegistry(_, let name) = session.purpose { name } else { session.form.text("name") }
        showInfo("Saving registry \(name)…")
        if case .editRegistry(let id, let name) = session.purpose {
            return [.perform(.updateRegistry(id: id, name: name, credentials: credentials))]
        }
        return [.perform(.createRegistry(name: session.form.text("name"), credentials: credentials))]
    }

    /// A registry request came back: close the form and refresh, or show the
    /// server's messages next to the fields they name and keep what was typed.
    mutating func finishRegistry(_ mutation: Mutation, _ verb: String, _ name: String, error: APIError?) -> [Effect] {
        let ownForm = form?.awaits(mutation) == true
        guard let error else {
            if ownForm { form = nil }
            showInfo("Registry \(name) \(verb == "create" ? "created" : verb == "update" ? "updated" : "deleted")")
            return beginPoll(.catalog(.registries))
        }
        guard ownForm, var session = form else {
            showError("Could not \(verb) registry \(name): \(error)")
            return []
        }
        session.submitting = false
        if case .validation(let messages) = error {
            var byField: [String: String] = [:]
            var general: [String] = []
            for message in messages {
                let field = session.form.fields.first { message.hasPrefix($0.id + " ") }
                if let field { byField[field.id] = message } else { general.append(message) }
            }
            session.form.setErrors(byField, general: general)
        } else {
            session.form.setErrors([:], general: ["Could not \(verb) registry \(name): \(error)"])
        }
        form = session
        return []
    }
}

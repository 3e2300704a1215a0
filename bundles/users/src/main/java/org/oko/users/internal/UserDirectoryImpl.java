package org.oko.users.internal;

import java.util.List;
import java.util.Optional;

import org.oko.users.api.UserDirectory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The directory of active accounts, read from the account store. */
@Component(service = UserDirectory.class)
public class UserDirectoryImpl implements UserDirectory {

    @Reference
    private AccountStore store;

    @Override
    public List<Contact> activeContacts() {
        return store.all().stream().filter(UserEntity::active).map(UserDirectoryImpl::contact).toList();
    }

    @Override
    public Optional<Contact> contact(String login) {
        return login == null ? Optional.empty() : store.find(login).filter(UserEntity::active).map(UserDirectoryImpl::contact);
    }

    private static Contact contact(UserEntity u) {
        return new Contact(u.login(), u.fullName(), u.organisationCode(), u.roles(), blankToNull(u.email()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

package org.oko.users.internal.folders;

import java.time.LocalDate;
import java.util.List;

/** What one founder coordinator receives: their own credentials and those of the schools under the founder. */
public record Folder(String founderCode, String founderName, String coordinatorLogin,
        String coordinatorOneTimePassword, LocalDate issuedOn, String systemUrl, List<SchoolCredential> schools) {

    public Folder {
        schools = List.copyOf(schools);
    }
}

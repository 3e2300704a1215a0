package org.oko.users.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The keys of {@code etc/org.oko.users.cfg}. */
@ObjectClassDefinition(id = "org.oko.users", name = "OKO users", description = "Login, sessions and lockout")
public @interface UsersConfig {

    @AttributeDefinition(name = "Failures before lockout")
    int lockout_failures() default 5;

    @AttributeDefinition(name = "Lockout, minutes")
    int lockout_minutes() default 15;

    @AttributeDefinition(name = "Backoff after the second failure, seconds", description = "Doubles with each further failure")
    int backoff_seconds() default 1;

    @AttributeDefinition(name = "Longest backoff, seconds")
    int backoff_max_seconds() default 60;

    @AttributeDefinition(name = "Failures from one client address before it is refused")
    int address_failures() default 20;

    @AttributeDefinition(name = "Address window and refusal, minutes")
    int address_minutes() default 15;

    @AttributeDefinition(name = "Session idle timeout, minutes")
    int session_idle_minutes() default 30;

    @AttributeDefinition(name = "Session lifetime, hours")
    int session_max_hours() default 12;

    @AttributeDefinition(name = "Secure cookies", description = "Set when OKO is served over HTTPS (directly or behind a proxy)")
    boolean cookie_secure() default false;

    @AttributeDefinition(name = "First administrator login")
    String bootstrap_admin_login() default "admin";

    @AttributeDefinition(name = "First administrator password file",
            description = "Read once, when there is no account at all; created with a random password if missing")
    String bootstrap_admin_password_file() default "${karaf.etc}/oko-admin.password";
}

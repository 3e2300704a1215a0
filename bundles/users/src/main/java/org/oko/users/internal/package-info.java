/** Accounts, passwords, sessions, the JAAS realm and credential folders: never exported. */
package org.oko.users.internal;

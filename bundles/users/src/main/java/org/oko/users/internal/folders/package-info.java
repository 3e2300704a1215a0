/** The «электронная папка» a founder coordinator receives each year: logins and one-time passwords, as XLSX and printable HTML. */
package org.oko.users.internal.folders;

/**
 * Directory: the agents (SOI, login, e-mail, names, department, manager, job title, professional mobile, status,
 * roles, sensitive profile) and the departments of the administration, their bulk import from CSV, a generator of
 * realistic synthetic organisations, and the demo organisation.
 *
 * <p>API: {@link org.guichet.directory.DirectoryManagement}. Published events: {@link
 * org.guichet.directory.AgentCreated}, {@link org.guichet.directory.AgentTransferred} (department or manager changed),
 * {@link org.guichet.directory.AgentStatusChanged}.
 */
@ApplicationModule(displayName = "Directory")
@NullMarked
package org.guichet.directory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

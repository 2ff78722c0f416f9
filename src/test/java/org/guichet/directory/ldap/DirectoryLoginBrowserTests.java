package org.guichet.directory.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import org.guichet.directory.DirectoryManagement;
import org.guichet.testing.BrowserTest;
import org.guichet.testing.InMemoryLdap;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What an agent whose password lives in the directory sees on the login page when the directory itself locked their
 * account (answered as Active Directory does, {@code data 775}), and when the directory does not answer: each said in
 * words, with whom to call, checked by axe and drawn at phone and desktop size.
 */
class DirectoryLoginBrowserTests extends BrowserTest {

    private static final String PEOPLE = InMemoryLdap.PEOPLE;
    private static final InMemoryDirectoryServer SERVER = start();

    private static InMemoryDirectoryServer start() {
        return InMemoryLdap.start(new InMemoryOperationInterceptor() {
            @Override
            public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) throws LDAPException {
                if (request.getRequest().getBindDN().startsWith("uid=verrouille")) {
                    throw new LDAPException(
                            ResultCode.INVALID_CREDENTIALS,
                            "80090308: LdapErr: DSID-0C09042A, comment: AcceptSecurityContext error, data 775");
                }
            }
        });
    }

    @AfterAll
    static void stop() {
        SERVER.shutDown(true);
    }

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry properties) {
        properties.add("guichet.directory.ldap.url", () -> "ldap://127.0.0.1:" + SERVER.getListenPort());
        properties.add("guichet.directory.ldap.base-dn", () -> PEOPLE);
        properties.add("guichet.directory.ldap.passwords", () -> "true");
        // without a schema, the server does not know that an inetOrgPerson is a person
        properties.add("guichet.directory.ldap.user-filter", () -> "(&(objectClass=inetOrgPerson)(employeeNumber=*))");
    }

    @Autowired
    LdapSync sync;

    @Autowired
    DirectoryManagement directory;

    @Test
    void loginWhenTheDirectoryLockedTheAccountOrDoesNotAnswerThenTheAgentIsToldWhatToDo() throws Exception {
        var block = TestData.block();
        var department = block.department("L");
        directory.importDepartments(
                new java.io.ByteArrayInputStream(("code;name\n" + department + ";Service " + block.name() + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        for (var login : new String[] {"verrouille" + block.number(), "absent" + block.number()}) {
            SERVER.add(new Entry(
                    "uid=" + login + "," + PEOPLE,
                    new Attribute("objectClass", "inetOrgPerson"),
                    new Attribute("uid", login),
                    new Attribute("cn", "Agent " + login),
                    new Attribute("givenName", "Agent"),
                    new Attribute("sn", block.name() + login.charAt(0)),
                    new Attribute("employeeNumber", block.soi(login.startsWith("v") ? 0 : 1)),
                    new Attribute("departmentNumber", department),
                    new Attribute("userPassword", "Annuaire-de-la-ville-1")));
        }
        var report = sync.synchronise(false).report();
        assertThat(report.rejected()).isEmpty();
        assertThat(report.created()).isEqualTo(2);

        submitRefusedLogin("verrouille" + block.number(), "Annuaire-de-la-ville-1");
        assertThat(chrome.findElement(By.id("login-error")).getText())
                .contains("verrouillé dans l’annuaire de la ville", "assistance informatique");
        accessibleAtBothSizes("login-directory-locked");

        SERVER.shutDown(true);
        submitRefusedLogin("absent" + block.number(), "Annuaire-de-la-ville-1");
        assertThat(chrome.findElement(By.id("login-error")).getText()).contains("ne répond pas");
        accessibleAtBothSizes("login-directory-unavailable");
    }
}

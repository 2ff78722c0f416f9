package org.guichet.identity.factor.passkey;

import java.time.Clock;
import java.util.List;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.FactorAdded;
import org.guichet.identity.FactorType;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * Where Spring Security's WebAuthn support keeps passkeys: its own JDBC repositories, in the database every node
 * shares. A user entity is named by the agent's SOI (as the signed-in principal is) and shows their name; a new
 * passkey is announced like any new factor, with a label of at most 64 characters.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyStore {

    static final int LABEL_LENGTH = 64;

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc, DirectoryManagement directory) {
        var users = new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
        return new PublicKeyCredentialUserEntityRepository() {
            @Override
            public @Nullable PublicKeyCredentialUserEntity findById(Bytes id) {
                return users.findById(id);
            }

            @Override
            public @Nullable PublicKeyCredentialUserEntity findByUsername(String username) {
                return users.findByUsername(username);
            }

            @Override
            public void save(PublicKeyCredentialUserEntity user) {
                var displayName = directory
                        .findById(AgentId.of(user.getName()))
                        .map(agent -> agent.displayName())
                        .orElse(user.getDisplayName());
                users.save(ImmutablePublicKeyCredentialUserEntity.builder()
                        .id(user.getId())
                        .name(user.getName())
                        .displayName(displayName)
                        .build());
            }

            @Override
            public void delete(Bytes id) {
                users.delete(id);
            }
        };
    }

    @Bean
    UserCredentialRepository passkeyCredentials(
            JdbcOperations jdbc,
            PublicKeyCredentialUserEntityRepository users,
            ApplicationEventPublisher events,
            Clock clock) {
        var credentials = new JdbcUserCredentialRepository(jdbc);
        return new UserCredentialRepository() {
            @Override
            public void delete(Bytes credentialId) {
                credentials.delete(credentialId);
            }

            @Override
            public void save(CredentialRecord record) {
                var known = credentials.findByCredentialId(record.getCredentialId()) != null;
                var label = label(record.getLabel());
                credentials.save(ImmutableCredentialRecord.fromCredentialRecord(record)
                        .label(label)
                        .build());
                var user = users.findById(record.getUserEntityUserId());
                if (!known && user != null) {
                    events.publishEvent(
                            new FactorAdded(AgentId.of(user.getName()), FactorType.PASSKEY, label, clock.instant()));
                }
            }

            @Override
            public @Nullable CredentialRecord findByCredentialId(Bytes credentialId) {
                return credentials.findByCredentialId(credentialId);
            }

            @Override
            public List<CredentialRecord> findByUserId(Bytes userId) {
                return credentials.findByUserId(userId);
            }
        };
    }

    /** A label as agents see it: trimmed, at most 64 characters, never empty. */
    static String label(@Nullable String typed) {
        var label = typed == null ? "" : typed.strip();
        if (label.isEmpty()) {
            return "Passkey";
        }
        return label.length() > LABEL_LENGTH ? label.substring(0, LABEL_LENGTH) : label;
    }
}

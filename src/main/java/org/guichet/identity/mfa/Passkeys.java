package org.guichet.identity.mfa;

import java.util.List;
import java.util.Optional;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;

/** An agent's passkeys, as Spring Security's WebAuthn support stores them. */
@Service
class Passkeys {

    private final PublicKeyCredentialUserEntityRepository users;
    private final UserCredentialRepository credentials;

    Passkeys(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials) {
        this.users = users;
        this.credentials = credentials;
    }

    /** Makes sure the agent has a WebAuthn user entity, so that a new passkey shows their name from the start. */
    void prepare(AgentProfile agent) {
        if (users.findByUsername(agent.id().soi()) == null) {
            users.save(ImmutablePublicKeyCredentialUserEntity.builder()
                    .id(Bytes.random())
                    .name(agent.id().soi())
                    .displayName(agent.displayName())
                    .build());
        }
    }

    List<CredentialRecord> list(AgentId agent) {
        var user = users.findByUsername(agent.soi());
        return user == null ? List.of() : credentials.findByUserId(user.getId());
    }

    /** The agent's passkey of this id (base64url), never another agent's. */
    Optional<CredentialRecord> find(AgentId agent, String id) {
        return list(agent).stream()
                .filter(record -> record.getCredentialId().toBase64UrlString().equals(id))
                .findFirst();
    }

    void rename(CredentialRecord record, String label) {
        credentials.save(ImmutableCredentialRecord.fromCredentialRecord(record)
                .label(PasskeyStore.label(label))
                .build());
    }

    void delete(CredentialRecord record) {
        credentials.delete(record.getCredentialId());
    }
}

package org.guichet.identity.factor.passkey;

import java.util.List;
import org.guichet.directory.AgentProfile;
import org.guichet.identity.FactorType;
import org.guichet.identity.factor.Factor;
import org.guichet.identity.factor.FactorProvider;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;

/**
 * The passkey factor: an agent's passkeys, as Spring Security's WebAuthn support stores them ({@link PasskeyStore})
 * and proves them at sign-in.
 */
@Service
public class Passkeys implements FactorProvider {

    private static final String PREFIX = "passkey-";

    private final PublicKeyCredentialUserEntityRepository users;
    private final UserCredentialRepository credentials;

    Passkeys(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials) {
        this.users = users;
        this.credentials = credentials;
    }

    @Override
    public FactorType type() {
        return FactorType.PASSKEY;
    }

    /** Makes sure the agent has a WebAuthn user entity, so that a new passkey shows their name from the start. */
    public void prepare(AgentProfile agent) {
        if (users.findByUsername(agent.id().soi()) == null) {
            users.save(ImmutablePublicKeyCredentialUserEntity.builder()
                    .id(Bytes.random())
                    .name(agent.id().soi())
                    .displayName(agent.displayName())
                    .build());
        }
    }

    @Override
    public List<Factor> list(AgentProfile agent) {
        return records(agent).stream()
                .map(record -> new Factor(
                        PREFIX + record.getCredentialId().toBase64UrlString(),
                        FactorType.PASSKEY,
                        record.getLabel(),
                        record.getCreated(),
                        record.getLastUsed().equals(record.getCreated()) ? null : record.getLastUsed(),
                        null,
                        true))
                .toList();
    }

    @Override
    public void rename(AgentProfile agent, Factor factor, String name) {
        for (var record : records(agent, factor)) {
            credentials.save(ImmutableCredentialRecord.fromCredentialRecord(record)
                    .label(PasskeyStore.label(name))
                    .build());
        }
    }

    @Override
    public void remove(AgentProfile agent, Factor factor) {
        for (var record : records(agent, factor)) {
            credentials.delete(record.getCredentialId());
        }
    }

    private List<CredentialRecord> records(AgentProfile agent) {
        var user = users.findByUsername(agent.id().soi());
        return user == null ? List.of() : credentials.findByUserId(user.getId());
    }

    /** The agent's passkey the factor names, never another agent's. */
    private List<CredentialRecord> records(AgentProfile agent, Factor factor) {
        return records(agent).stream()
                .filter(record -> (PREFIX + record.getCredentialId().toBase64UrlString()).equals(factor.id()))
                .toList();
    }
}

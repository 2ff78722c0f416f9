-- The IT charter: versioned texts, and who accepted which version, when, from which channel.
CREATE TABLE charter_version (
    version      INT          NOT NULL PRIMARY KEY,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    title_fr     VARCHAR(200) NOT NULL,
    title_en     VARCHAR(200) NOT NULL,
    text_fr      VARCHAR(20000) NOT NULL,
    text_en      VARCHAR(20000) NOT NULL
);

CREATE TABLE charter_acceptance (
    soi         VARCHAR(7) NOT NULL,
    version     INT        NOT NULL REFERENCES charter_version (version),
    accepted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    channel     VARCHAR(8) NOT NULL,
    PRIMARY KEY (soi, version)
);

INSERT INTO charter_version (version, published_at, title_fr, title_en, text_fr, text_en) VALUES (
    1,
    TIMESTAMP WITH TIME ZONE '2026-11-23 00:00:00+00',
    'Charte d’utilisation des ressources informatiques',
    'Charter for the use of IT resources',
    '1. Objet. Cette charte fixe les règles d’usage des ressources informatiques de la ville : postes de travail, messagerie, applications, accès à distance et portail Guichet. Elle s’applique à tout agent qui les utilise.
2. Identifiants. Vos identifiants sont personnels. Ne communiquez jamais votre mot de passe ni un code reçu par SMS ou e-mail, pas même à l’assistance informatique, qui ne vous les demandera jamais.
3. Usage professionnel. Les ressources sont destinées à l’activité professionnelle. Un usage personnel raisonnable est toléré s’il ne nuit ni au service ni à la sécurité.
4. Accès à distance. L’accès depuis l’extérieur est réservé aux agents dont le profil nomade est actif. Verrouillez votre session quand vous vous absentez et n’utilisez pas d’ordinateur public pour les services sensibles.
5. Données. Vous accédez uniquement aux données nécessaires à vos missions et respectez leur confidentialité, en particulier les données personnelles des usagers et des agents.
6. Traçabilité. Les connexions et les actions sont journalisées pour la sécurité du système d’information. Le journal est protégé et consulté uniquement par les personnes habilitées.
7. Incidents. Signalez sans délai à l’assistance toute perte de matériel, tout message suspect ou toute connexion que vous ne reconnaissez pas.
8. Sanctions. Le non-respect de la charte peut entraîner la suspension des accès et des poursuites disciplinaires ou pénales (articles 226-15 et 323-1 à 323-7 du Code pénal).',
    '1. Purpose. This charter sets the rules for using the city’s IT resources: workstations, e-mail, applications, remote access and the Guichet portal. It applies to every agent who uses them.
2. Credentials. Your credentials are personal. Never share your password or a code received by SMS or e-mail, not even with the IT helpdesk, which will never ask for them.
3. Professional use. The resources are meant for work. Reasonable personal use is tolerated if it harms neither the service nor security.
4. Remote access. Access from outside is reserved for agents whose nomadic profile is active. Lock your session when you step away and do not use a public computer for sensitive services.
5. Data. You access only the data your duties require and keep it confidential, in particular the personal data of citizens and agents.
6. Traceability. Connections and actions are logged for the security of the information system. The journal is protected and read only by authorised people.
7. Incidents. Report at once to the helpdesk any lost equipment, suspicious message or connection you do not recognise.
8. Sanctions. Breaching the charter may lead to suspended access and to disciplinary or criminal proceedings (articles 226-15 and 323-1 to 323-7 of the French penal code).'
);

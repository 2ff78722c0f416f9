-- The agents' devices: each installation of the phone app that keeps a refresh token bound to its key (one
-- authorization of a native client), with what the agent recognises it by and when and where it was last used.
CREATE TABLE app_device (
    authorization_id VARCHAR(100) NOT NULL PRIMARY KEY,
    soi              VARCHAR(7)   NOT NULL,
    client_id        VARCHAR(100) NOT NULL,
    name             VARCHAR(100) NOT NULL,
    platform         VARCHAR(40)  NOT NULL,
    first_used_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_channel     VARCHAR(10)
);
CREATE INDEX app_device_agent ON app_device (soi);

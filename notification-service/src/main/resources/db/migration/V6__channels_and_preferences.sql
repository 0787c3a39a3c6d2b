-- The work messengers' accounts of a person, from PersonChanged: 企业微信 (WeCom) userid, 钉钉 (DingTalk) userId.
ALTER TABLE directory_person
    ADD COLUMN wecom_user_id    text,
    ADD COLUMN dingtalk_user_id text;

ALTER TABLE reminder
    -- the office's configuration says this one reaches the person whatever they chose (overdue, the top rung)
    ADD COLUMN mandatory boolean NOT NULL DEFAULT false,
    -- held for the recipient's daily digest until then
    ADD COLUMN digest_at timestamptz,
    -- the digest that carried it: the delivery that gathered it and the others into one message
    ADD COLUMN digest_id uuid;
CREATE INDEX reminder_digest ON reminder (recipient_id, channel, digest_at)
    WHERE state = 'PENDING' AND digest_at IS NOT NULL;
CREATE INDEX reminder_digest_members ON reminder (digest_id) WHERE digest_id IS NOT NULL;

-- Browsers subscribed to Web Push (the installed console): one person may have many.
CREATE TABLE web_push_subscription (
    endpoint      text PRIMARY KEY,
    person_id     uuid        NOT NULL,
    -- the browser's P-256 public key and authentication secret, base64url (RFC 8291)
    p256dh        text        NOT NULL,
    auth          text        NOT NULL,
    subscribed_at timestamptz NOT NULL,
    subscribed_by text        NOT NULL
);
CREATE INDEX web_push_subscription_person ON web_push_subscription (person_id);

-- A person's own choices; without a row, the office's defaults hold.
CREATE TABLE delivery_preference (
    person_id   uuid PRIMARY KEY,
    -- null: the office's quiet hours
    quiet_from  time,
    quiet_until time,
    -- the time of day the daily digest goes out; null: no digest, each reminder goes out on its own
    digest_at   time,
    updated_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL
);

-- The channels a person turned off for a kind of reminder (a kind added later is on everywhere until they choose).
CREATE TABLE channel_opt_out (
    person_id uuid NOT NULL,
    kind      text NOT NULL,
    channel   text NOT NULL,
    PRIMARY KEY (person_id, kind, channel)
);

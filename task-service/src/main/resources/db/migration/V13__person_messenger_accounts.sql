-- The person's account in the city's work messengers, so reminders reach them there (notification-service):
-- 企业微信 (WeCom, 政务微信) userid and 钉钉 (DingTalk, 政务钉钉) userId, as the messengers' own directories name them.
ALTER TABLE person
    ADD COLUMN wecom_user_id    text,
    ADD COLUMN dingtalk_user_id text;

package org.reformdesk.notification.delivery;

import java.time.Duration;
import java.util.Set;

/**
 * Alibaba Cloud SMS error codes (短信服务错误码) onto the retry policy. Flow control on a number (1 a minute, 5 an
 * hour, 10 a day by default) is retried after the window it names; a wrong number, signature, template or account
 * is permanent; anything else (isp.SYSTEM_ERROR, throttling of the API) is retried with the backoff.
 */
final class SmsErrors {

    static final String FLOW_CONTROL = "isv.BUSINESS_LIMIT_CONTROL";

    private static final Set<String> PERMANENT = Set.of("isv.MOBILE_NUMBER_ILLEGAL", "isv.MOBILE_COUNT_OVER_LIMIT",
            "isv.BLACK_KEY_CONTROL_LIMIT", "isv.PARAM_LENGTH_LIMIT", "isv.TEMPLATE_MISSING_PARAMETERS",
            "isv.TEMPLATE_PARAMS_ILLEGAL", "isv.INVALID_PARAMETERS", "isv.INVALID_JSON_PARAM",
            "isv.SMS_TEMPLATE_ILLEGAL", "isv.SMS_SIGNATURE_ILLEGAL", "isv.SMS_SIGN_ILLEGAL",
            "isv.SMS_CONTENT_ILLEGAL", "isv.DOMESTIC_NUMBER_NOT_SUPPORTED", "isv.PRODUCT_UN_SUBSCRIPT",
            "isv.PRODUCT_UNSUBSCRIBE", "isv.ACCOUNT_NOT_EXISTS", "isv.ACCOUNT_ABNORMAL", "isv.DENY_IP_RANGE",
            "isv.SMS_SIGNATURE_SCENE_ILLEGAL", "isv.EXTEND_CODE_ERROR", "InvalidAccessKeyId.NotFound",
            "SignatureDoesNotMatch", "Forbidden.RAM", "isp.RAM_PERMISSION_DENY");

    private SmsErrors() {
    }

    static ChannelFailure failure(Integer status, String code, String message) {
        String reason = "SMS service answered " + (status == null ? "" : "HTTP " + status + " ")
                + (code == null ? "without a code" : code) + (message == null ? "" : ": " + message);
        if (code == null) {
            return new ChannelFailure(reason);
        }
        if (FLOW_CONTROL.equals(code)) {
            return ChannelFailure.retryAfter(reason, window(message));
        }
        if (PERMANENT.contains(code)) {
            return ChannelFailure.permanent(reason);
        }
        return new ChannelFailure(reason);
    }

    /** The flow-control window the message names: 分钟级 a minute, 小时级 an hour, 天级 a day. */
    private static Duration window(String message) {
        String text = message == null ? "" : message;
        if (text.contains("天级") || text.toLowerCase().contains("day")) {
            return Duration.ofDays(1);
        }
        if (text.contains("小时级") || text.toLowerCase().contains("hour")) {
            return Duration.ofHours(1);
        }
        return Duration.ofMinutes(1);
    }
}

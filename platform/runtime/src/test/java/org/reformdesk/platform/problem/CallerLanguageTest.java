package org.reformdesk.platform.problem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallerLanguageTest {

    @Test
    void aChineseBrowserIsAnsweredInChinese() {
        assertThat(CallerLanguage.of("zh-CN,zh;q=0.9")).isEqualTo(CallerLanguage.CHINESE);
        assertThat(CallerLanguage.of("zh")).isEqualTo(CallerLanguage.CHINESE);
    }

    @Test
    void theCallersOrderOfPreferenceDecides() {
        assertThat(CallerLanguage.of("en-US,en;q=0.9,zh-CN;q=0.8")).isEqualTo(CallerLanguage.ENGLISH);
        assertThat(CallerLanguage.of("fr-FR,zh-CN;q=0.5")).isEqualTo(CallerLanguage.CHINESE);
    }

    @Test
    void aCallerAskingForNothingWeSpeakOrForNothingAtAllGetsEnglish() {
        assertThat(CallerLanguage.of((String) null)).isEqualTo(CallerLanguage.ENGLISH);
        assertThat(CallerLanguage.of("")).isEqualTo(CallerLanguage.ENGLISH);
        assertThat(CallerLanguage.of("fr-FR")).isEqualTo(CallerLanguage.ENGLISH);
        assertThat(CallerLanguage.of("zh-TW")).isEqualTo(CallerLanguage.ENGLISH);
        assertThat(CallerLanguage.of(";;q=x")).isEqualTo(CallerLanguage.ENGLISH);
    }
}

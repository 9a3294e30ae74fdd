package com.webptbridge.transport;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TlsSubjectsTest {

    @Test
    void aSubjectIsComparedAsTheJdkWritesItAndAPatternWithinOneValue() {
        String subject = "CN=webpt-prod,OU=Interfaces,O=WebPT";
        assertThat(TlsSubjects.allows(List.of("cn=webpt-prod, ou=Interfaces, o=WebPT"), subject))
                .isTrue();
        assertThat(TlsSubjects.allows(List.of("CN=webpt-prod,O=WebPT"), subject))
                .isFalse();
        assertThat(TlsSubjects.allows(List.of("CN=webpt-*,OU=Interfaces,O=WebPT"), subject))
                .isTrue();
        assertThat(TlsSubjects.allows(List.of("CN=webpt-*"), subject))
                .as("a CN alone: the CN only")
                .isTrue();
        assertThat(TlsSubjects.allows(List.of("CN=webpt-prod"), subject)).isTrue();
        assertThat(TlsSubjects.allows(List.of("CN=*,O=WebPT"), subject))
                .as("* does not reach across values")
                .isFalse();
        assertThat(TlsSubjects.allows(List.of("CN=other-*"), subject)).isFalse();
        assertThat(TlsSubjects.allows(List.of("CN=webpt-*"), ""))
                .as("no certificate")
                .isFalse();
        assertThat(TlsSubjects.allows(List.of("CN=webpt-*"), null)).isFalse();
    }

    @Test
    void anEntryThatIsNoSubjectIsRefusedNamingIt() {
        assertThatThrownBy(() -> TlsSubjects.check("webpt prod"))
                .hasMessageContaining("'webpt prod'")
                .hasMessageContaining("CN=webpt-prod,O=WebPT");
        assertThatThrownBy(() -> TlsSubjects.check(" ")).hasMessageContaining("empty entry");
    }
}

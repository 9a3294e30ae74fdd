package com.webptbridge.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class LogCaptureTest {

    private static final LoggerContext CONTEXT = (LoggerContext) LoggerFactory.getILoggerFactory();

    @Test
    void capturesDebugOfOurLoggersAndOfThirdPartyLoggersSetToWarn() {
        Logger ours = CONTEXT.getLogger("com.webptbridge.engine.SomeBean");
        Logger camel = CONTEXT.getLogger("org.apache.camel.SomeComponent");
        Logger hapi = CONTEXT.getLogger("ca.uhn.hl7v2.SomeParser");
        Logger camelParent = CONTEXT.getLogger("org.apache.camel");
        Level camelBefore = camelParent.getLevel();
        camelParent.setLevel(Level.WARN); // as logback-test.xml sets it
        try (LogCapture capture = new LogCapture()) {
            ours.debug("ours at debug {}", 1);
            ours.trace("ours at trace");
            camel.debug("camel at debug");
            hapi.info("hapi at info");
            LoggerFactory.getLogger("org.apache.camel.CreatedWhileOpen").debug("a logger created while open");
            assertThat(capture.text())
                    .contains("com.webptbridge.engine.SomeBean ours at debug 1")
                    .contains("ours at trace")
                    .contains("org.apache.camel.SomeComponent camel at debug")
                    .contains("ca.uhn.hl7v2.SomeParser hapi at info")
                    .contains("a logger created while open");
        } finally {
            camelParent.setLevel(camelBefore);
        }
    }

    @Test
    void closingPutsBackEveryLoggersOwnLevel() {
        Logger root = CONTEXT.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger camel = CONTEXT.getLogger("org.apache.camel");
        Logger inheriting = CONTEXT.getLogger("org.apache.camel.Inheriting");
        Level rootBefore = root.getLevel();
        Level camelBefore = camel.getLevel();
        camel.setLevel(Level.WARN);
        inheriting.setLevel(null);
        Logger createdWhileOpen;
        try (LogCapture capture = new LogCapture()) {
            createdWhileOpen = CONTEXT.getLogger("org.apache.camel.CreatedWhileOpen" + System.nanoTime());
            assertThat(root.getLevel()).isEqualTo(Level.ALL);
            assertThat(camel.getLevel()).isEqualTo(Level.ALL);
            assertThat(inheriting.getEffectiveLevel()).isEqualTo(Level.ALL);
        }
        assertThat(root.getLevel()).isEqualTo(rootBefore);
        assertThat(camel.getLevel()).isEqualTo(Level.WARN);
        assertThat(inheriting.getLevel()).as("still inherits").isNull();
        assertThat(inheriting.getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(createdWhileOpen.getLevel())
                .as("a logger created while open inherits again")
                .isNull();
        assertThat(createdWhileOpen.getEffectiveLevel()).isEqualTo(Level.WARN);
        camel.setLevel(camelBefore);
    }
}

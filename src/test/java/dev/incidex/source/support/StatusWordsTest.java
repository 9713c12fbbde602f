package dev.incidex.source.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.incidex.model.IncidentStatus;
import org.junit.jupiter.api.Test;

class StatusWordsTest {

    @Test
    void resolutionWordsOutrankMonitoringAndIdentified() {
        assertEquals(
                IncidentStatus.RESOLVED,
                StatusWords.infer("We identified the root cause, deployed a fix, and the issue is now resolved."));
        assertEquals(IncidentStatus.RESOLVED, StatusWords.infer("Service has been restored for all users"));
        assertEquals(IncidentStatus.RESOLVED, StatusWords.infer("The service is operating normally."));
        assertEquals(IncidentStatus.RESOLVED, StatusWords.infer("Maintenance completed."));
    }

    @Test
    void monitoringWordsOutrankIdentified() {
        assertEquals(
                IncidentStatus.MONITORING,
                StatusWords.infer("The root cause was identified and a fix has been deployed."));
        assertEquals(IncidentStatus.MONITORING, StatusWords.infer("Impact is mitigated; we keep MONITORING."));
    }

    @Test
    void identifiedWords() {
        assertEquals(IncidentStatus.IDENTIFIED, StatusWords.infer("We have identified the issue."));
        assertEquals(IncidentStatus.IDENTIFIED, StatusWords.infer("The root cause is an expired certificate."));
    }

    @Test
    void defaultIsInvestigating() {
        assertEquals(IncidentStatus.INVESTIGATING, StatusWords.infer("Users report errors when logging in."));
        assertEquals(IncidentStatus.INVESTIGATING, StatusWords.infer(null));
        assertEquals(IncidentStatus.INVESTIGATING, StatusWords.infer(""));
    }

    @Test
    void matchesWholeWordsOnly() {
        assertEquals(IncidentStatus.INVESTIGATING, StatusWords.infer("Some tickets remain unresolved."));
        assertEquals(IncidentStatus.INVESTIGATING, StatusWords.infer("Unidentified errors on checkout"));
    }

    @Test
    void bracketedPrefixWinsOutright() {
        assertEquals(IncidentStatus.RESOLVED, StatusWords.infer("[Resolved] Delayed emails"));
        assertEquals(IncidentStatus.INVESTIGATING, StatusWords.infer("[Investigating] Login restored for some users"));
        assertEquals(IncidentStatus.SCHEDULED, StatusWords.infer("[Scheduled] Database maintenance"));
        assertEquals(
                IncidentStatus.RESOLVED,
                StatusWords.infer("Service is operating normally: [RESOLVED] Increased API Error Rates"));
    }

    @Test
    void unknownBracketFallsBackToTheWords() {
        assertEquals(IncidentStatus.IDENTIFIED, StatusWords.infer("[EU] We identified the faulty node"));
    }

    @Test
    void microsoftPostPhrasingAndResolutionOutranksTheRest() {
        assertEquals(
                IncidentStatus.INVESTIGATING,
                StatusWords.infer("We're investigating an issue where some users may experience delays."));
        assertEquals(
                IncidentStatus.IDENTIFIED,
                StatusWords.infer(
                        "We've identified a recent configuration change. We're reverting the change and rerouting traffic to mitigate impact."));
        assertEquals(IncidentStatus.RESOLVED, StatusWords.infer("Logins work again for everyone."));
        assertEquals(
                IncidentStatus.RESOLVED,
                StatusWords.infer("Payments are working again after we identified the cause."));
        assertEquals(
                IncidentStatus.RESOLVED,
                StatusWords.infer(
                        "We've confirmed that reverting the change has resolved the issue and delayed messages have been delivered."));
    }

    @Test
    void statedIsEmptyForTextThatIsNotAboutAnIncident() {
        assertEquals(
                java.util.Optional.empty(), StatusWords.stated("Join our webinar on Thursday: what's new in 5.0!"));
        assertEquals(java.util.Optional.empty(), StatusWords.stated(null));
        assertEquals(
                java.util.Optional.of(IncidentStatus.INVESTIGATING),
                StatusWords.stated("Some users see errors when paying."));
        assertEquals(java.util.Optional.of(IncidentStatus.RESOLVED), StatusWords.stated("[Resolved] Delayed emails"));
    }
}

package org.oko.noko.internal.survey;

import static org.oko.noko.internal.NokoTexts.TEXTS;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Organisation;
import org.oko.noko.internal.NokoData;
import org.oko.noko.internal.campaign.Campaign;
import org.oko.noko.internal.method.Method;
import org.oko.noko.internal.method.Methods;
import org.oko.noko.internal.store.CampaignStore;
import org.oko.platform.api.cache.Kept;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.scheduling.api.Campaigns;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The public survey, for anyone with an organisation's link and no login: its questionnaire with a ballot, and
 * an answer, checked against every guard — the survey open, the ballot ours and unused, not answered in a few
 * seconds, a hidden field left empty, the client under its hourly limit — and stored with the organisation and
 * the day only.
 */
@Component(service = PublicSurvey.class)
public class PublicSurvey {

    @Reference
    private NokoData data;

    @Reference
    private Methods methods;

    @Reference
    private CatalogService catalog;

    @Reference
    private Campaigns scheduling;

    private final Ballots ballots = new Ballots();
    private final ClientLimit limit = new ClientLimit();

    /** A questionnaire as the respondent sees it. */
    public record Survey(String organisation, String title, List<Method.Question> questions, String ballot, boolean open) {
    }

    public Survey questionnaire(String token) throws Exception {
        Found found = find(token);
        return new Survey(found.name(), found.questionnaire().title(), found.questionnaire().questions(),
                ballots.issue(token, Instant.now()), found.campaign().surveyOpen(scheduling.today()));
    }

    /**
     * Stores one answer.
     *
     * @param answers question code → true/false ("да"/"нет" as booleans); questions not asked are left out
     * @param trap    the hidden field people never fill
     * @param client  the client's address, kept only as a digest in memory for the hourly limit
     */
    public void answer(String token, String ballot, Map<String, Object> answers, String trap, String client) throws Exception {
        Found found = find(token);
        if (!found.campaign().surveyOpen(scheduling.today())) {
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, "noko.survey.closed");
        }
        Instant now = Instant.now();
        Optional<Ballots.Checked> checked = ballots.check(ballot, token, now);
        if (checked.isEmpty()) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "noko.survey.stale");
        }
        if (trap != null && !trap.isBlank() || checked.get().age().getSeconds() < data.settings().min_seconds()) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "noko.survey.too-fast");
        }
        Map<String, Boolean> given = answers(found.questionnaire(), answers);
        if (!limit.allow(digest(client + "|" + token), data.settings().answers_per_client_hour(), now)) {
            throw TEXTS.refusal(ApiException.Kind.TOO_MANY, "noko.survey.too-many");
        }
        if (!data.answers().answer(checked.get().id(), found.target().year(), found.target().organisation(), LocalDate.now(), given)) {
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, "noko.survey.already");
        }
    }

    /** The answers to the questionnaire's questions, in its order; a question asked only after a yes is dropped without it. */
    static Map<String, Boolean> answers(Method.Questionnaire questionnaire, Map<String, Object> written) {
        if (written == null) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "noko.survey.empty");
        }
        Set<String> known = new HashSet<>();
        Map<String, Boolean> answers = new LinkedHashMap<>();
        for (Method.Question q : questionnaire.questions()) {
            known.add(q.code());
            Object value = written.get(q.code());
            if (value == null || q.askIf() != null && !Boolean.TRUE.equals(answers.get(q.askIf()))) {
                continue;
            }
            if (!(value instanceof Boolean yes)) {
                throw TEXTS.refusal(ApiException.Kind.INVALID, "noko.survey.answer", q.code());
            }
            answers.put(q.code(), yes);
        }
        if (!known.containsAll(written.keySet())) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "noko.survey.unknown-question");
        }
        if (answers.isEmpty()) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "noko.survey.empty");
        }
        return answers;
    }

    /** @param questionnaire the questionnaire of the organisation's type */
    private record Found(CampaignStore.Target target, Campaign campaign, String name, Method method, Method.Questionnaire questionnaire) {
    }

    /**
     * What a token leads to, kept while no campaign changes (at most a minute, for the catalog's names); the tokens of a
     * whole country's campaign fit, a flood of made-up ones is never kept (their lookup fails).
     */
    private final Kept<String, Found> byToken = Kept.of(Duration.ofMinutes(1), 100_000);

    private Found find(String token) throws Exception {
        if (token == null) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "noko.survey.no-such");
        }
        return byToken.get(token, data.campaignGeneration(), () -> {
            CampaignStore.Target target = data.campaigns().target(token)
                    .orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "noko.survey.no-such"));
            Campaign campaign = data.campaigns().find(target.year()).orElseThrow();
            Organisation organisation = CallerContext.callAs(Caller.SYSTEM, () -> catalog.organisation(target.organisation())).orElse(null);
            Method method = methods.version(campaign.methodKey(), campaign.methodVersion()).orElseThrow();
            return new Found(target, campaign, organisation == null ? target.organisation() : organisation.fullName(), method,
                    method.questionnaireFor(organisation == null ? null : organisation.kind().name()));
        });
    }

    private static String digest(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

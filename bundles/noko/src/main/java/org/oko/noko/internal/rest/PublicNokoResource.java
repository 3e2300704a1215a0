package org.oko.noko.internal.rest;

import static org.oko.noko.internal.NokoTexts.TEXTS;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.annotation.security.PermitAll;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.oko.noko.internal.campaign.Campaign;
import org.oko.noko.internal.plans.NokoPlans;
import org.oko.noko.internal.scores.NokoScores;
import org.oko.noko.internal.survey.PublicSurvey;
import org.oko.platform.api.Rest;
import org.oko.platform.api.rest.ApiException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The platform's only unauthenticated writes: a respondent's answer to an organisation's survey, with no login,
 * small (at most 16 KB) and guarded ({@link PublicSurvey}). A browser that answered keeps a cookie that says so and
 * nothing else, and is refused a second answer. Also public: an organisation's published results and its approved
 * remedy plan.
 */
@Component(service = PublicNokoResource.class, property = Rest.BASE + "=" + Rest.API_ROOT + "/noko")
@Path("/public")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicNokoResource {

    static final int MAX_ANSWER_BYTES = 16 * 1024;
    private static final long YEAR_SECONDS = 366L * 24 * 3600;

    @Reference
    private PublicSurvey survey;

    @Reference
    private NokoScores scores;

    @Reference
    private NokoPlans plans;

    @Context
    private HttpServletRequest http;

    @GET
    @Path("surveys/{token}")
    public Response questionnaire(@PathParam("token") String token, @Context HttpHeaders headers) throws Exception {
        PublicSurvey.Survey s = survey.questionnaire(token);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisation", s.organisation());
        body.put("title", s.title());
        body.put("questions", s.questions());
        body.put("ballot", s.ballot());
        body.put("open", s.open());
        body.put("answered", headers.getCookies().containsKey(cookie(token)));
        return Response.ok(body).header("Cache-Control", "no-store").build();
    }

    /** An answer: {"ballot": "…", "answers": {"q1": true, …}, "website": ""} (the last a field people never see). */
    @POST
    @Path("surveys/{token}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response answer(@PathParam("token") String token, @HeaderParam("Content-Length") Long length, @Context HttpHeaders headers,
                           Map<String, Object> body) throws Exception {
        if (length != null && length > MAX_ANSWER_BYTES) {
            throw TEXTS.refusal(ApiException.Kind.TOO_LARGE, "noko.survey.too-large");
        }
        if (headers.getCookies().containsKey(cookie(token))) {
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, "noko.survey.already");
        }
        if (body == null || !(body.get("answers") instanceof Map<?, ?> answers) || answers.size() > 100) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "noko.survey.empty");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> given = (Map<String, Object>) answers;
        survey.answer(token, body.get("ballot") instanceof String b ? b : null, given, body.get("website") instanceof String w ? w : null,
                http == null ? "" : http.getRemoteAddr());
        // The cookie says only that this browser answered this survey: no id, nothing stored on the server with it.
        return Response.status(Response.Status.CREATED).entity(Map.of("answered", true)).header("Set-Cookie", cookie(token) + "=1; Path="
                + Rest.API_ROOT + "/noko/public/surveys; Max-Age=" + YEAR_SECONDS + "; HttpOnly; SameSite=Strict").build();
    }

    /** An organisation's published results of a campaign and its approved remedy plan; 404 while nothing is published. */
    @GET
    @Path("organisations/{org}")
    public Response organisation(@PathParam("org") String org, @QueryParam("year") int year) throws Exception {
        NokoScores.Results results = scores.all(year);
        if (!Campaign.PUBLISHED.equals(results.campaign().state())) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "noko.public.not-published");
        }
        NokoScores.Line line = results.lines().stream().filter(l -> l.organisation().equals(org)).findFirst()
                .orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "noko.public.not-published"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisation", line.organisation());
        body.put("name", line.name());
        body.put("year", year);
        body.put("criteria", results.method().criteria().stream().map(c -> Map.of("code", c.code(), "name", c.name())).toList());
        body.put("result", line.result());
        body.put("plan", plans.published(year, org).orElse(null));
        return Response.ok(body).header("Cache-Control", "public, max-age=300").build();
    }

    /** The cookie of a survey: a digest of its token, so the cookie names no organisation. */
    static String cookie(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return "noko_" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

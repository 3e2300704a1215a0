package org.oko.forms.internal.rest;

import static org.oko.forms.internal.FormsTexts.TEXTS;

import java.util.HashMap;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Response;

import org.oko.forms.api.FormDefinition;
import org.oko.forms.internal.submission.SubmissionService;
import org.oko.forms.internal.workbook.FormWorkbook;
import org.oko.platform.api.Rest;
import org.oko.platform.api.rest.ApiException;
import org.oko.tables.api.XlsxWriter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/submissions/{id}/workbook.xlsx[?unit=<branch>]}: the submission as a workbook to fill offline (the whole
 * form, or one structural unit's rows for a branch), uploaded again through the importer {@code workbook}. Whoever may
 * read the submission may download it; the upload is authorised as any import.
 */
@Component(service = SubmissionWorkbookResource.class, property = Rest.BASE + "=" + Rest.API_ROOT + "/submissions")
@Path("{id}/workbook.xlsx")
public class SubmissionWorkbookResource {

    @Reference
    private SubmissionService submissions;

    @GET
    @Produces(XlsxWriter.MEDIA_TYPE)
    public Response workbook(@PathParam("id") long id, @QueryParam("unit") String unit) throws Exception {
        SubmissionService.View view = submissions.get(id);
        SubmissionService.Summary s = view.submission();
        String chosen = unit == null || unit.isBlank() ? null : unit.strip();
        if (chosen != null && view.structuralUnits().stream().noneMatch(u -> u.key().equals(chosen))) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "workbook.no-such-unit", chosen);
        }
        FormDefinition definition = submissions.definition(s.formId(), s.formVersion());
        Map<String, Object> values = new HashMap<>();
        view.values().forEach((key, v) -> values.put(key, v.value()));
        byte[] content = FormWorkbook.write(definition, values, view.calculated(), view.structuralUnits(), chosen);
        String name = s.formId() + "-" + s.organisationCode() + (chosen == null ? "" : "-" + chosen) + "-" + s.period() + ".xlsx";
        return Response.ok(content, XlsxWriter.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"").build();
    }
}

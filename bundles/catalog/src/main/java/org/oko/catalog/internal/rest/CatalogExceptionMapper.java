package org.oko.catalog.internal.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

import org.oko.catalog.api.CatalogException;
import org.oko.platform.api.Rest;
import org.osgi.service.component.annotations.Component;

/** Catalog refusals as HTTP: not found 404, invalid 400, conflict (a concurrent edit, a duplicate) 409. */
@Provider
@Component(service = CatalogExceptionMapper.class, property = Rest.BASE + "=" + CatalogResource.BASE)
public class CatalogExceptionMapper implements ExceptionMapper<CatalogException> {

    @Override
    public Response toResponse(CatalogException exception) {
        Response.Status status;
        switch (exception.reason()) {
            case NOT_FOUND:
                status = Response.Status.NOT_FOUND;
                break;
            case CONFLICT:
                status = Response.Status.CONFLICT;
                break;
            default:
                status = Response.Status.BAD_REQUEST;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.getStatusCode());
        body.put("error", status.getReasonPhrase());
        body.put("message", exception.getMessage());
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}

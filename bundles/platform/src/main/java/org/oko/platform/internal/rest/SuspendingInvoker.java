package org.oko.platform.internal.rest;

import org.apache.cxf.continuations.SuspendedInvocationException;
import org.apache.cxf.jaxrs.JAXRSInvoker;
import org.apache.cxf.message.Exchange;
import org.oko.platform.api.security.CallerContext;

/**
 * CXF's invoker, which also lets a suspended request's thread go without its caller. A resource that answers
 * with a {@code CompletionStage} makes CXF suspend the request by throwing out of the invocation; the response
 * filter that forgets the caller ({@link AuthFilter}) then runs on whichever thread resumes it, and the thread
 * that received the request would go back to Jetty still carrying the caller. No resource has to remember it.
 */
final class SuspendingInvoker extends JAXRSInvoker {

    @Override
    public Object invoke(Exchange exchange, Object request) {
        try {
            return super.invoke(exchange, request);
        } catch (SuspendedInvocationException suspended) {
            CallerContext.set(null);
            throw suspended;
        }
    }
}

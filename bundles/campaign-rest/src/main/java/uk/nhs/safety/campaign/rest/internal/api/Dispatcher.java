package uk.nhs.safety.campaign.rest.internal.api;

import java.io.IOException;

import uk.nhs.safety.campaign.rest.internal.http.ApiRequest;
import uk.nhs.safety.campaign.rest.internal.http.ApiResponse;
import uk.nhs.safety.campaign.rest.internal.security.Caller;

/** Answers an authenticated request: routes it, authorises it and calls the handler. */
@FunctionalInterface
public interface Dispatcher {
    ApiResponse dispatch(ApiRequest request, Caller caller, RestSettings settings) throws IOException;
}

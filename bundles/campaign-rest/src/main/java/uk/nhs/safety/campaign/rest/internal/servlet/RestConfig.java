package uk.nhs.safety.campaign.rest.internal.servlet;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the HTTP API (PID {@code uk.nhs.safety.campaign.rest}); changes apply live. */
@ObjectClassDefinition(name = "Sign up to Safety HTTP API", description = "Body limits and caching of /api/v1")
public @interface RestConfig {

    String PID = "uk.nhs.safety.campaign.rest";

    @AttributeDefinition(name = "Largest JSON body (bytes)", min = "1", description = "Larger bodies get 413")
    long maxJsonBytes() default 1024 * 1024;

    @AttributeDefinition(name = "Largest CSV import (bytes)", min = "1", description = "Larger imports get 413")
    long maxCsvBytes() default 5 * 1024 * 1024;

    @AttributeDefinition(name = "Anonymous cache time (seconds)", min = "0",
            description = "Cache-Control max-age of anonymous reads")
    int anonymousMaxAgeSeconds() default 60;

    @AttributeDefinition(name = "Trusted proxies", required = false, description = "IP addresses of the load balancers"
            + " or reverse proxies in front, comma-separated: from them, X-Forwarded-For names the client (for the"
            + " login throttle and the log); from anyone else it is ignored. Empty: no proxy trusted")
    String trustedProxies() default "";
}

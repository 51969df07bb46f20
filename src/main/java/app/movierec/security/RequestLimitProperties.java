package app.movierec.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request bodies accepted ({@code movierec.request-limit.*}): a rating ({@code
 * /api/users/{id}/ratings}), any other API request (a list of up to 1,000 ratings is about 40 KB),
 * and the pages' own requests (Vaadin's).
 */
@ConfigurationProperties("movierec.request-limit")
public record RequestLimitProperties(
    @DefaultValue("4KB") DataSize ratingBody,
    @DefaultValue("64KB") DataSize apiBody,
    @DefaultValue("1MB") DataSize pageBody) {}

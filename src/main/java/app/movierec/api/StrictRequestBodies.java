package app.movierec.api;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The API's request bodies refuse fields they do not have (a typo, or junk sent to be stored): a
 * 400 problem naming the field ({@link ApiErrors}). Spring Boot's JSON mapper ignores unknown
 * fields everywhere, which the rest of the app relies on (TMDB answers grow new fields), and
 * {@code @JsonIgnoreProperties(ignoreUnknown = false)} cannot turn that back on for one type, so
 * this problem handler does it for the request types only.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestBodies {

  @Bean
  JsonMapperBuilderCustomizer refuseUnknownRequestFields() {
    return builder -> builder.addHandler(new RefuseUnknownFields());
  }

  static final class RefuseUnknownFields extends DeserializationProblemHandler {

    @Override
    public boolean handleUnknownProperty(
        DeserializationContext context,
        JsonParser parser,
        ValueDeserializer<?> deserializer,
        Object beanOrClass,
        String propertyName) {
      Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
      if (type == ApiJson.RatingRequest.class) {
        throw UnrecognizedPropertyException.from(
            parser, beanOrClass, propertyName, deserializer.getKnownPropertyNames());
      }
      return false; // everything else: the mapper's own setting
    }
  }
}

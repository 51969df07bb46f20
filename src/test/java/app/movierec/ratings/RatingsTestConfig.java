package app.movierec.ratings;

import app.movierec.catalog.CatalogService;
import app.movierec.catalog.Movie;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The catalogue and the ratings services on an in-memory database: no web server, no Vaadin, no
 * import, so a service test sets up exactly the rows it needs. {@code @TestComponent} keeps it out
 * of the application's component scan when other tests boot the whole app.
 */
@TestComponent
@SpringBootConfiguration
@ImportAutoConfiguration({
  DataSourceAutoConfiguration.class,
  FlywayAutoConfiguration.class,
  HibernateJpaAutoConfiguration.class,
  DataJpaRepositoriesAutoConfiguration.class,
  TransactionAutoConfiguration.class,
  JdbcTemplateAutoConfiguration.class
})
@EntityScan(basePackageClasses = {Movie.class, Rating.class})
@EnableJpaRepositories(basePackageClasses = {Movie.class, Rating.class})
@Import({CatalogService.class, RatingService.class})
public class RatingsTestConfig {}

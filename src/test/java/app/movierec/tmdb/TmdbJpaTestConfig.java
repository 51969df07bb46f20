package app.movierec.tmdb;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Just the poster cache on an in-memory H2: no web server, no Vaadin, no other feature's entities,
 * so these tests keep working whatever the rest of the application does. {@code @TestComponent}
 * keeps it out of the application's component scan: other tests boot the whole app, and this
 * class's narrow entity and repository scan must not leak into them.
 */
@TestComponent
@SpringBootConfiguration
@ImportAutoConfiguration({
  DataSourceAutoConfiguration.class,
  FlywayAutoConfiguration.class,
  HibernateJpaAutoConfiguration.class,
  DataJpaRepositoriesAutoConfiguration.class,
  TransactionAutoConfiguration.class
})
@EntityScan(basePackageClasses = TmdbPoster.class)
@EnableJpaRepositories(basePackageClasses = TmdbPosterRepository.class)
class TmdbJpaTestConfig {}

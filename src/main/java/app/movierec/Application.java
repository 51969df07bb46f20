package app.movierec;

import app.movierec.cli.Commands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Starts the web app, or, when the first argument names a batch command ({@code recommend}, {@code
 * evaluate}, {@code benchmark}, {@code loadtest}, {@code synthesize}), runs that command without
 * starting a web server; a first argument that is neither a command nor an option is a usage error.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class Application {

  public static void main(String[] args) {
    if (Commands.isBatch(args)) {
      System.exit(Commands.run(args));
    }
    SpringApplication.run(Application.class, args);
  }
}

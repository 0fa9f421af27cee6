package dev.shale.spring.it;

import dev.shale.spring.ShaleMigrationInitializer;
import dev.shale.testing.TestDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Starts the test applications on a test database, the way {@code SpringApplication.run} does in an application. */
final class Apps {
    private Apps() {}

    /** A context without a web server, its DataSource on {@code db}. */
    static ConfigurableApplicationContext start(Class<?> app, TestDatabase db, String... properties) {
        return builder(app, db, properties).web(WebApplicationType.NONE).run();
    }

    /**
     * A context without a web server, {@code before} run once its environment is ready, before any bean is
     * created: after Boot set up logging, which is the JVM's, not the context's, and cannot be set up by two
     * applications at once (two JVMs on a deploy each have their own).
     */
    static ConfigurableApplicationContext start(Class<?> app, TestDatabase db, Runnable before, String... properties) {
        return builder(app, db, properties).web(WebApplicationType.NONE).initializers(context -> before.run()).run();
    }

    /** A context with a web server on a free port that exposes the shale endpoint. */
    static ConfigurableApplicationContext startWeb(Class<?> app, TestDatabase db, String... properties) {
        List<String> all = new ArrayList<>(List.of("server.port=0", "management.endpoints.web.exposure.include=shale"));
        all.addAll(List.of(properties));
        return builder(app, db, all.toArray(String[]::new)).web(WebApplicationType.SERVLET).run();
    }

    private static SpringApplicationBuilder builder(Class<?> app, TestDatabase db, String... properties) {
        return new SpringApplicationBuilder(app).properties("spring.datasource.url=" + db.url()).properties(properties);
    }

    /** GET on the running web server: status and body. */
    static HttpResponse<String> get(ConfigurableApplicationContext context, String path) throws IOException, InterruptedException {
        String port = context.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The versions the start-up migration of this context applied. */
    static List<Integer> appliedAtStartup(ConfigurableApplicationContext context) {
        return context.getBean(ShaleMigrationInitializer.class).result().applied().stream().map(m -> m.version()).toList();
    }
}
